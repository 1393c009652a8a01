using System.Reflection;
using System.Text.RegularExpressions;

namespace RigBootstrap.Architecture.Tests;

/// <summary>
/// The adapter contracts (the interfaces and types directly under Core/Adapters) depend on no implementation: not
/// the macOS tools, not the Linux ones, not the simulation (docs/architecture.md). Each implementation depends on
/// the contracts, never the reverse.
/// </summary>
public sealed partial class AdapterContractTests
{
    private const string Contracts = "RigBootstrap.Core.Adapters";

    private static readonly string ContractsDirPath = Path.Join(Repository.Root, "src", "RigBootstrap.Core", "Adapters");

    [Fact]
    public void No_contract_source_file_names_an_implementation_namespace()
    {
        // Arrange
        var files = Directory.GetFiles(ContractsDirPath, "*.cs", SearchOption.TopDirectoryOnly);

        // Act
        var offenders = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => ImplementationNamespace().IsMatch(l.Text))
            .Select(l => $"{Repository.Relative(l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        // Assert
        files.Should().NotBeEmpty();
        offenders.Should().BeEmpty("a contract under Core/Adapters must not depend on an implementation; move the type it needs up into RigBootstrap.Core.Adapters");
    }

    [Fact]
    public void No_contract_type_exposes_or_derives_from_an_implementation_type()
    {
        // Arrange
        var contracts = Assembly.Load("RigBootstrap.Core").GetTypes()
            .Where(t => t.Namespace == Contracts && !t.Name.Contains('<'))
            .ToList();

        // Act
        var offenders = contracts
            .SelectMany(t => SignatureTypes(t).Where(IsImplementation).Select(used => $"{t.FullName} uses {used.FullName}"))
            .Distinct()
            .ToList();

        // Assert
        contracts.Should().Contain(t => t.Name == "ISoftwareUpdate").And.Contain(t => t.Name == "IXcode");
        offenders.Should().BeEmpty("the contracts' signatures may only use types of RigBootstrap.Core.Adapters or below it in the dependency graph");
    }

    private static bool IsImplementation(Type type) =>
        type.Namespace is { } ns && ns.StartsWith(Contracts + ".", StringComparison.Ordinal);

    // Every type a contract's declaration names: base and interfaces, fields, properties, events, and the parameters and
    // results of its methods and constructors, with their generic arguments and element types.
    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var named = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            named.Add(baseType);
        }

        named.AddRange(type.GetInterfaces());
        named.AddRange(type.GetFields(All).Select(f => f.FieldType));
        named.AddRange(type.GetProperties(All).Select(p => p.PropertyType));
        named.AddRange(type.GetEvents(All).Select(e => e.EventHandlerType!));
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            named.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                named.Add(info.ReturnType);
            }
        }

        return named.SelectMany(Expand);
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            return Expand(type.GetElementType()!);
        }

        return type.IsGenericType ? [type, .. type.GetGenericArguments().SelectMany(Expand)] : [type];
    }

    [GeneratedRegex(@"RigBootstrap\.Core\.Adapters\.(MacOs|Linux|Simulated)\b")]
    private static partial Regex ImplementationNamespace();
}

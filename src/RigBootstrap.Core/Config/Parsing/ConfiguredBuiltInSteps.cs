using System.Collections.Immutable;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>Maps built-in step ids to their <c>steps</c> sections and says which ones a config turns on.</summary>
internal static class ConfiguredBuiltInSteps
{
    private static readonly ImmutableDictionary<string, string> SectionById = new Dictionary<string, string>
    {
        [BuiltInStepIds.AgeKey] = "ageKey",
        [BuiltInStepIds.Secrets] = "secrets",
        [BuiltInStepIds.Keychain] = "keychain",
        [BuiltInStepIds.CommandLineTools] = "commandLineTools",
        [BuiltInStepIds.Xcode] = "xcode",
        [BuiltInStepIds.Autologin] = "autologin",
        [BuiltInStepIds.FirstDeploy] = "firstDeploy",
        [BuiltInStepIds.Tcc] = "tcc",
        [BuiltInStepIds.OsUpgrade] = "osUpgrade",
        [BuiltInStepIds.Handoff] = "handoff",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The JSON section name under <c>steps</c> for a built-in id, such as <c>firstDeploy</c>.</summary>
    public static string SectionOf(string builtInId) => SectionById[builtInId];

    /// <summary>The ids of the built-in steps present in <paramref name="steps"/>, in <see cref="BuiltInStepIds.All"/> order.</summary>
    public static ImmutableArray<string> Of(StepsConfig steps) =>
    [
        .. BuiltInStepIds.All.Where(id => id switch
        {
            BuiltInStepIds.AgeKey => steps.AgeKey is not null,
            BuiltInStepIds.Secrets => steps.Secrets is not null,
            BuiltInStepIds.Keychain => steps.Keychain is not null,
            BuiltInStepIds.CommandLineTools => steps.CommandLineTools is not null,
            BuiltInStepIds.Xcode => steps.Xcode is not null,
            BuiltInStepIds.Autologin => steps.Autologin is not null,
            BuiltInStepIds.FirstDeploy => steps.FirstDeploy is not null,
            BuiltInStepIds.Tcc => steps.Tcc is not null,
            BuiltInStepIds.OsUpgrade => steps.OsUpgrade is not null,
            _ => steps.Handoff is not null,
        }),
    ];
}

using System.Collections.Immutable;

namespace RigBootstrap.StateMachine;

/// <summary>The diagram id of each state: its name where Mermaid accepts it, otherwise a stable alias.</summary>
internal sealed class MermaidStateIds<TState>
    where TState : notnull
{
    private readonly Dictionary<TState, string> _ids;

    private MermaidStateIds(Dictionary<TState, string> ids, ImmutableArray<(string DisplayName, string Id)> aliases)
    {
        _ids = ids;
        Aliases = aliases;
    }

    /// <summary>States that need a <c>state "name" as id</c> declaration, in first-mention order.</summary>
    public ImmutableArray<(string DisplayName, string Id)> Aliases { get; }

    public static MermaidStateIds<TState> Assign(IEnumerable<TState> states)
    {
        var distinctStates = states.Distinct().ToList();
        var ids = new Dictionary<TState, string>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);

        // Plain names are claimed first so that no alias can take a name a later state needs.
        foreach (var state in distinctStates)
        {
            var name = MermaidText.NameOf(state);
            if (MermaidText.IsPlainId(name) && usedIds.Add(name))
            {
                ids.Add(state, name);
            }
        }

        var aliases = ImmutableArray.CreateBuilder<(string DisplayName, string Id)>();
        var aliasNumber = 0;
        foreach (var state in distinctStates.Where(state => !ids.ContainsKey(state)))
        {
            string alias;
            do
            {
                alias = $"S{++aliasNumber}";
            }
            while (!usedIds.Add(alias));

            ids.Add(state, alias);
            aliases.Add((MermaidText.NameOf(state), alias));
        }

        return new MermaidStateIds<TState>(ids, aliases.ToImmutable());
    }

    public string IdOf(TState state) => _ids[state];
}

namespace RigBootstrap.Core.State;

/// <summary>Neither state.json nor its previous copy can be read: the run halts and names the fix (docs/invariants.md I1).</summary>
public sealed class StateFileCorruptException(string message, Exception? inner = null) : Exception(message, inner);

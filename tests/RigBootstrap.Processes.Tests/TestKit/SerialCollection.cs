namespace RigBootstrap.Processes.Tests.TestKit;

/// <summary>Tests that inspect this test process's children, so no other test may start any meanwhile.</summary>
[CollectionDefinition(nameof(SerialCollection), DisableParallelization = true)]
public sealed class SerialCollection
{
}

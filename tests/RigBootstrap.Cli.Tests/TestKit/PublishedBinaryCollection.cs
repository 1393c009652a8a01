namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>
/// Every end-to-end test shares one published binary and runs in this one collection, so the tests run one after
/// another: each starts real processes, and the machine's two cores are shared with other work.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PublishedBinaryCollection : ICollectionFixture<PublishedBinary>
{
    public const string Name = "published binary";
}

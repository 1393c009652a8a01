namespace RigBootstrap.Core.Secrets;

/// <summary>
/// Leaves ownership alone: for a simulated host (a host root other than `/`), where the files belong to whoever runs
/// the simulation and the agent user need not exist.
/// </summary>
public sealed class NoFileOwnership : IFileOwnership
{
    public void GiveToUser(string path, string userName)
    {
        // Nothing to do by design: see the summary.
    }
}

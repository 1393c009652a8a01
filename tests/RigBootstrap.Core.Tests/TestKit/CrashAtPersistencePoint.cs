using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Tests.TestKit;

/// <summary>Stands for a kill right after the Nth persistence point: throws an exception the engine never catches.</summary>
public sealed class CrashAtPersistencePoint(int crashAfter) : IPersistencePointObserver
{
    public int Seen { get; private set; }

    public void OnPersisted(string point)
    {
        if (++Seen == crashAfter)
        {
            throw new PersistencePointCrashException(point);
        }
    }
}

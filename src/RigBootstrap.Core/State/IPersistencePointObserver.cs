namespace RigBootstrap.Core.State;

/// <summary>Told after every durable write; fault injection uses it to crash at each persistence point.</summary>
public interface IPersistencePointObserver
{
    void OnPersisted(string point);
}

/// <summary>The production observer: persistence points are not observed.</summary>
public sealed class NoPersistencePointObserver : IPersistencePointObserver
{
    public void OnPersisted(string point)
    {
    }
}

namespace RigBootstrap.Processes;

/// <summary>One live process in a snapshot; <see cref="StartMarker"/> tells a reused PID from the original.</summary>
internal readonly record struct ProcessEntry(int Pid, int ParentPid, string StartMarker);

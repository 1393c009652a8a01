namespace RigBootstrap.Core.Tests.Status;

/// <summary>
/// A handwritten journal.jsonl over two boots, in the shape the engine writes: a reboot for `profile`, a crash
/// during `xcode` and a halt. As the engine does, the run-started line of boot 2 still carries boot 1's id.
/// </summary>
public static class TwoBootJournal
{
    public const string Text = """
        {"time":"2026-11-25T12:00:00+00:00","bootId":"boot-a","kind":"installed","reason":"installed test with 3 steps"}
        {"time":"2026-11-25T12:00:01+00:00","bootId":"boot-a","kind":"run-started","reason":"Initial (boot 1, pid 10)"}
        {"time":"2026-11-25T12:00:02+00:00","bootId":"boot-a","kind":"step","step":"brew","from":"Pending","to":"Running","reason":"attempt 1 of 3","attempt":1}
        {"time":"2026-11-25T12:00:02+00:00","bootId":"boot-a","kind":"workflow","from":"Installed","to":"Running","reason":"running step brew"}
        {"time":"2026-11-25T12:00:12+00:00","bootId":"boot-a","kind":"step","step":"brew","from":"Running","to":"Succeeded","reason":"applied and verified","attempt":1}
        {"time":"2026-11-25T12:00:13+00:00","bootId":"boot-a","kind":"step","step":"profile","from":"Pending","to":"Running","reason":"attempt 1 of 3","attempt":1}
        {"time":"2026-11-25T12:00:16+00:00","bootId":"boot-a","kind":"step","step":"profile","from":"Running","to":"AwaitingReboot","reason":"takes effect after a reboot","attempt":1}
        {"time":"2026-11-25T12:00:16+00:00","bootId":"boot-a","kind":"workflow","from":"Running","to":"AwaitingReboot","reason":"rebooting for profile"}
        {"time":"2026-11-25T12:00:16+00:00","bootId":"boot-a","kind":"reboot-requested","reason":"rebooting for profile (request 1)"}
        {"time":"2026-11-25T12:00:17+00:00","bootId":"boot-a","kind":"run-ended","reason":"RebootRequested"}
        {"time":"2026-11-25T12:03:00+00:00","bootId":"boot-a","kind":"run-started","reason":"ResumeAfterReboot (boot 2, pid 11)"}
        {"time":"2026-11-25T12:03:01+00:00","bootId":"boot-b","kind":"step","step":"profile","from":"AwaitingReboot","to":"Running","reason":"verifying after the reboot","attempt":1}
        {"time":"2026-11-25T12:03:03+00:00","bootId":"boot-b","kind":"step","step":"profile","from":"Running","to":"Succeeded","reason":"verified after the reboot","attempt":1}
        {"time":"2026-11-25T12:03:04+00:00","bootId":"boot-b","kind":"step","step":"xcode","from":"Pending","to":"Running","reason":"attempt 1 of 2","attempt":1}
        {"time":"2026-11-25T12:05:00+00:00","bootId":"boot-b","kind":"run-started","reason":"ResumeAfterCrash (boot 2, pid 12)"}
        {"time":"2026-11-25T12:05:01+00:00","bootId":"boot-b","kind":"step","step":"xcode","from":"Running","to":"Running","reason":"resuming (attempt 2): the previous run stopped during this step","attempt":2}
        {"time":"2026-11-25T12:25:01+00:00","bootId":"boot-b","kind":"step","step":"xcode","from":"Running","to":"Failed","reason":"xcodes exited 1: no space left","attempt":2}
        {"time":"2026-11-25T12:25:01+00:00","bootId":"boot-b","kind":"workflow","from":"Running","to":"Halted","reason":"step xcode failed 2 times: xcodes exited 1: no space left"}
        {"time":"2026-11-25T12:25:02+00:00","bootId":"boot-b","kind":"run-ended","reason":"Halted"}
        """;
}

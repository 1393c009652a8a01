namespace RigBootstrap.Core.Steps;

/// <summary>
/// How the agent's user comes to be logged in at the GUI, said the same way by every step that waits for it: by
/// autologin at the next boot when steps.autologin names that user, otherwise only by a person.
/// </summary>
public sealed record AgentLoginHint(string User, bool ByAutologin)
{
    public string WhatHappensNext(string stepId) => ByAutologin
        ? $"Autologin logs {User} in at the next boot and {stepId} goes on then; to go on now, log in as {User} at the console"
        : $"steps.autologin does not log {User} in, so nothing will by itself: log in as {User} at the console, or add steps.autologin for {User}";
}

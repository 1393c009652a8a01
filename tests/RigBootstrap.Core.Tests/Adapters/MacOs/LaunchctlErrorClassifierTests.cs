using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class LaunchctlErrorClassifierTests
{
    // Exit codes as the fixture README gives them; where it gives none, the test says which it uses.
    public static TheoryData<string, int, LaunchctlErrorKind> Fixtures() => new()
    {
        { "launchctl-bootout-not-loaded.stderr.txt", 3, LaunchctlErrorKind.AlreadyStopped },
        { "launchctl-bootstrap-disabled.stderr.txt", 119, LaunchctlErrorKind.Disabled },
        { "launchctl-bootstrap-eio.stderr.txt", 5, LaunchctlErrorKind.TransientIo },
        // The source shows no exit code; the text carries 125.
        { "launchctl-bootstrap-gui-no-session.stderr.txt", 125, LaunchctlErrorKind.NoGuiSession },
        // Not an error from a call but the text of "launchctl error 154": no rule knows it.
        { "launchctl-error-154.txt", 154, LaunchctlErrorKind.Other },
        { "launchctl-kickstart-not-found-system.stderr.txt", 113, LaunchctlErrorKind.NotLoaded },
        // Legacy "load" of a loaded job says 5 too; rig-bootstrap never calls "load", so it reads as transient.
        { "launchctl-load-already-loaded.stderr.txt", 5, LaunchctlErrorKind.TransientIo },
        // The source gives no exit code for this one; 1 stands for "some non-zero code".
        { "launchctl-load-bad-permissions.stderr.txt", 1, LaunchctlErrorKind.BadPermissions },
        { "launchctl-not-found-gui-domain.stderr.txt", 113, LaunchctlErrorKind.NotLoaded },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_error_fixture_is_classified_by_its_exit_code_and_text(string fixtureName, int exitCode, LaunchctlErrorKind expected)
    {
        // Arrange
        var stderr = MacOsFixtures.ReadText(fixtureName);

        // Act
        var kind = LaunchctlErrorClassifier.Classify(exitCode, stderr);

        // Assert
        kind.Should().Be(expected);
    }

    [Fact]
    public void Every_launchctl_fixture_that_is_not_print_output_is_covered_by_the_fixture_theory()
    {
        // Act
        var covered = Fixtures().Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        // Assert
        covered.Should().Equal(MacOsFixtures.NamesStartingWith("launchctl-").Where(name => !name.StartsWith("launchctl-print-", StringComparison.Ordinal)));
    }

    public static TheoryData<string, LaunchctlErrorKind> FixtureTexts()
    {
        var texts = new TheoryData<string, LaunchctlErrorKind>();
        foreach (var row in Fixtures())
        {
            texts.Add((string)row[0], (LaunchctlErrorKind)row[2]);
        }

        return texts;
    }

    [Theory]
    [MemberData(nameof(FixtureTexts))]
    public void Each_error_fixture_s_text_alone_gives_the_same_kind_whatever_the_exit_code(string fixtureName, LaunchctlErrorKind expected)
    {
        // Arrange: 1 is a code no rule knows, so only the text can decide.
        var stderr = MacOsFixtures.ReadText(fixtureName);

        // Act
        var kind = LaunchctlErrorClassifier.Classify(1, stderr);

        // Assert
        kind.Should().Be(expected);
    }

    [Theory]
    [InlineData(113, LaunchctlErrorKind.NotLoaded)]
    [InlineData(5, LaunchctlErrorKind.TransientIo)]
    [InlineData(119, LaunchctlErrorKind.Disabled)]
    [InlineData(3, LaunchctlErrorKind.AlreadyStopped)]
    [InlineData(37, LaunchctlErrorKind.AlreadyInProgress)]
    [InlineData(125, LaunchctlErrorKind.NoGuiSession)]
    [InlineData(1, LaunchctlErrorKind.Other)]
    [InlineData(0, LaunchctlErrorKind.Other)]
    public void With_empty_stderr_the_exit_code_decides(int exitCode, LaunchctlErrorKind expected)
    {
        // Act
        var kind = LaunchctlErrorClassifier.Classify(exitCode, string.Empty);

        // Assert
        kind.Should().Be(expected);
    }

    [Fact]
    public void Not_found_after_a_bad_request_line_is_still_not_loaded()
    {
        // Arrange: some macOS versions print "Bad request." first.
        var stderr = "Bad request.\nCould not find service \"com.rig.bootstrap\" in domain for system\n";

        // Act
        var kind = LaunchctlErrorClassifier.Classify(113, stderr);

        // Assert
        kind.Should().Be(LaunchctlErrorKind.NotLoaded);
    }

    [Fact]
    public void Operation_already_in_progress_text_is_recognised()
    {
        // Act
        var kind = LaunchctlErrorClassifier.Classify(1, "Bootstrap failed: 37: Operation already in progress\n");

        // Assert
        kind.Should().Be(LaunchctlErrorKind.AlreadyInProgress);
    }

    [Theory]
    [InlineData(LaunchctlErrorKind.Disabled, "*`launchctl enable system/com.rig.bootstrap`, then bootstrap again*")]
    [InlineData(LaunchctlErrorKind.NotLoaded, "*system/com.rig.bootstrap is not loaded*`launchctl bootstrap system*")]
    [InlineData(LaunchctlErrorKind.TransientIo, "*retry for up to 15 s*`launchctl enable system/com.rig.bootstrap`*")]
    [InlineData(LaunchctlErrorKind.AlreadyStopped, "*already stopped*nothing to do*")]
    [InlineData(LaunchctlErrorKind.BadPermissions, "*root:wheel with mode 0644*then bootstrap again*")]
    [InlineData(LaunchctlErrorKind.AlreadyInProgress, "*wait a few seconds*`launchctl print system/com.rig.bootstrap`*")]
    [InlineData(LaunchctlErrorKind.Other, "*`launchctl print system/com.rig.bootstrap`*`launchctl error <code>`*")]
    public void Each_kind_is_described_with_the_fix_for_the_label(LaunchctlErrorKind kind, string expectedMessage)
    {
        // Act
        var message = LaunchctlErrorClassifier.Describe(kind, "com.rig.bootstrap");

        // Assert
        message.Should().Match(expectedMessage);
    }

    [Fact]
    public void A_gui_domain_with_no_session_is_described_with_its_domain_and_the_login_it_waits_for()
    {
        // Act
        var message = LaunchctlErrorClassifier.Describe(LaunchctlErrorKind.NoGuiSession, "ai.invotek.rig-deploy", "gui/501");

        // Assert
        message.Should().Match("gui/501/ai.invotek.rig-deploy cannot be reached: gui/501 does not exist yet (125*not logged in at the GUI*autologin*");
    }

    [Fact]
    public void Every_kind_has_its_own_description()
    {
        // Act
        var descriptions = Enum.GetValues<LaunchctlErrorKind>().Select(kind => LaunchctlErrorClassifier.Describe(kind, "com.rig.bootstrap"));

        // Assert
        descriptions.Should().OnlyHaveUniqueItems().And.AllSatisfy(text => text.Should().Contain("system/com.rig.bootstrap"));
    }
}

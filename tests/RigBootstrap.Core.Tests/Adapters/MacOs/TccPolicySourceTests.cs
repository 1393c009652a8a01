using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>MDMOverrides.plist through plutil and the profiles listing through profiles: the argv, and each failure told apart.</summary>
public sealed class TccPolicySourceTests : IDisposable
{
    private readonly TempHostRoot _root = new();
    private readonly FakeProcessRunner _runner = new();
    private readonly ToolTable _tools = new(null, System.Collections.Immutable.ImmutableDictionary<string, string>.Empty);

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_missing_MDMOverrides_plist_is_absent_and_plutil_is_not_run()
    {
        // Act
        var reading = await new MdmOverridesFile(_runner, _tools, _root.Paths).ReadAsync(CancellationToken.None);

        // Assert
        reading.Should().BeOfType<TccSourceReading.Absent>().Which.Why.Should().Contain("tccd has applied no PPPC profile yet");
        _runner.Specs.Should().BeEmpty();
    }

    [Fact]
    public async Task MDMOverrides_plist_is_converted_by_plutil_to_xml_on_stdout_and_parsed()
    {
        // Arrange
        WriteOverrides();
        _runner.Then(0, MacOsFixtures.ReadText("tcc-mdmoverrides-authorization.plist"));

        // Act
        var reading = await new MdmOverridesFile(_runner, _tools, _root.Paths).ReadAsync(CancellationToken.None);

        // Assert
        reading.Should().BeOfType<TccSourceReading.Read>().Which.Entries.Should().HaveCount(4);
        var spec = _runner.Specs.Should().ContainSingle().Subject;
        spec.FileName.Should().Be("/usr/bin/plutil");
        spec.Arguments.Should().Equal("-convert", "xml1", "-o", "-", _root.Paths.MdmOverridesPath);
    }

    [Theory]
    [InlineData("MDMOverrides.plist: file does not exist or is not readable or is not a regular file (Error Domain=NSCocoaErrorDomain Code=257)")]
    [InlineData("The file “MDMOverrides.plist” couldn’t be opened because you don’t have permission to view it.")]
    [InlineData("Operation not permitted")]
    public async Task A_plutil_refusal_of_an_existing_file_is_named_as_missing_Full_Disk_Access_with_the_fix(string stderr)
    {
        // Arrange
        WriteOverrides();
        _runner.Then(1, stderr: stderr);

        // Act
        var reading = await new MdmOverridesFile(_runner, _tools, _root.Paths).ReadAsync(CancellationToken.None);

        // Assert
        reading.Should().BeOfType<TccSourceReading.Unreadable>().Which.Problem.Should()
            .Contain("Full Disk Access").And.Contain("SystemPolicyAllFiles to /usr/local/libexec/rig-bootstrap/rig-bootstrap")
            .And.Contain("rely on the installed profiles listing");
    }

    [Fact]
    public async Task Output_that_is_not_a_plist_is_unreadable_saying_so()
    {
        // Arrange
        WriteOverrides();
        _runner.Then(0, "bplist00 garbage");

        // Act
        var reading = await new MdmOverridesFile(_runner, _tools, _root.Paths).ReadAsync(CancellationToken.None);

        // Assert
        reading.Should().BeOfType<TccSourceReading.Unreadable>().Which.Problem.Should().Contain("is not a plist rig-bootstrap can read");
    }

    [Fact]
    public async Task The_profiles_listing_is_read_with_profiles_show_as_xml_on_stdout()
    {
        // Arrange
        _runner.Then(0, MacOsFixtures.ReadText("profiles-show-stdout-xml-pppc.plist"));

        // Act
        var reading = await new ProfilesListing(_runner, _tools).ReadAsync(CancellationToken.None);

        // Assert
        reading.Should().BeOfType<TccSourceReading.Read>().Which.Entries.Should().HaveCount(2);
        var spec = _runner.Specs.Should().ContainSingle().Subject;
        spec.FileName.Should().Be("/usr/bin/profiles");
        spec.Arguments.Should().Equal("show", "-output", "stdout-xml");
        spec.OutputTailBytes.Should().Be(ProfilesListing.MaxOutputBytes);
    }

    [Fact]
    public async Task A_failing_profiles_tool_is_unreadable_with_its_message()
    {
        // Arrange
        _runner.Then(1, stderr: "profiles: this command requires root");

        // Act
        var reading = await new ProfilesListing(_runner, _tools).ReadAsync(CancellationToken.None);

        // Assert
        reading.Should().BeOfType<TccSourceReading.Unreadable>().Which.Problem.Should()
            .Be("profiles show exited with 1: profiles: this command requires root; it lists computer-level profiles only when run as root");
    }

    [Fact]
    public async Task A_truncated_listing_is_refused_rather_than_read_in_part()
    {
        // Arrange
        _runner.Responder = _ => FakeProcessRunner.Result(0, "<plist>") with { StdoutTruncated = true };

        // Act
        var reading = await new ProfilesListing(_runner, _tools).ReadAsync(CancellationToken.None);

        // Assert
        reading.Should().BeOfType<TccSourceReading.Unreadable>().Which.Problem.Should().Contain("more than 16 MiB");
    }

    private void WriteOverrides()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_root.Paths.MdmOverridesPath)!);
        File.WriteAllText(_root.Paths.MdmOverridesPath, "bplist00");
    }
}

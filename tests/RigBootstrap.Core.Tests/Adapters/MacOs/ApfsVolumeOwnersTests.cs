using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>The volume-owner check: dscl's GeneratedUID looked up in `diskutil apfs listUsers /`.</summary>
public sealed class ApfsVolumeOwnersTests : IDisposable
{
    private const string Uid = "6A1C0B52-2E8F-4D71-9C55-0F3A8E2B7D14";

    // The shape of macOS 11+ output: the fixtures' tree, with the Volume Owner line each entry gains.
    private const string Listing = $"Cryptographic users for disk3s5 (2 found)\n|\n+-- {Uid}\n|   Type: Local Open Directory User\n|   Volume Owner: Yes\n|\n"
        + "+-- EBC6C064-0000-11AA-AA11-00306543ECAC\n    Type: Personal Recovery User\n    Volume Owner: Yes\n";

    private readonly TempHostRoot _toolsDir = new();
    private readonly FakeProcessRunner _runner = new();
    private readonly ApfsVolumeOwners _owners;

    public ApfsVolumeOwnersTests() =>
        _owners = new ApfsVolumeOwners(_runner, new ToolTable(_toolsDir.Paths.RootDirPath, ImmutableDictionary<string, string>.Empty));

    public void Dispose() => _toolsDir.Dispose();

    [Fact]
    public async Task A_user_whose_uid_is_marked_Volume_Owner_Yes_is_an_owner()
    {
        _runner.Then(0, $"GeneratedUID: {Uid}\n").Then(0, Listing);

        var ownership = await _owners.CheckAsync("admin", CancellationToken.None);

        ownership.IsOwner.Should().BeTrue();
        _runner.Specs[0].Arguments.Should().Equal(".", "-read", "/Users/admin", "GeneratedUID");
        _runner.Specs[1].FileName.Should().Be(Path.Join(_toolsDir.Paths.RootDirPath, "diskutil"));
        _runner.Specs[1].Arguments.Should().Equal("apfs", "listUsers", "/");
    }

    [Fact]
    public async Task A_user_with_no_secure_token_is_not_listed_and_not_an_owner()
    {
        _runner.Then(0, "GeneratedUID: 11111111-2222-3333-4444-555555555555\n").Then(0, Listing);

        var ownership = await _owners.CheckAsync("rig", CancellationToken.None);

        ownership.Should().Be(new VolumeOwnership(false, "rig (11111111-2222-3333-4444-555555555555) is not a cryptographic user of / (`diskutil apfs listUsers /`): it has no secure token"));
    }

    [Fact]
    public async Task A_listed_user_marked_No_is_not_an_owner()
    {
        _runner.Then(0, $"GeneratedUID: {Uid}\n").Then(0, Listing.Replace("|   Volume Owner: Yes", "|   Volume Owner: No", StringComparison.Ordinal));

        var ownership = await _owners.CheckAsync("admin", CancellationToken.None);

        ownership.IsOwner.Should().BeFalse();
        ownership.Evidence.Should().Contain("Volume Owner: No");
    }

    [Fact]
    public async Task An_unknown_user_is_not_an_owner_and_diskutil_is_not_asked()
    {
        _runner.Then(56, "", "<dscl_cmd> DS Error: -14136 (eDSRecordNotFound)\n");

        var ownership = await _owners.CheckAsync("nobody", CancellationToken.None);

        ownership.IsOwner.Should().BeFalse();
        ownership.Evidence.Should().Contain("no local user nobody");
        _runner.Specs.Should().ContainSingle();
    }

    [Fact]
    public async Task On_a_release_without_Volume_Owner_lines_ownership_is_not_confirmed()
    {
        // Catalina prints no Volume Owner line (fixture); the masked UUIDs are matched as printed.
        _runner.Then(0, "GeneratedUID: FB756838-XXXX-XXXX-XXXX-40FB5E7D5D3F\n").Then(0, MacOsFixtures.ReadText("diskutil-apfs-listusers-catalina-10.15.6-redacted.txt"));

        var ownership = await _owners.CheckAsync("admin", CancellationToken.None);

        ownership.IsOwner.Should().BeFalse();
        ownership.Evidence.Should().Contain("no Volume Owner line");
    }
}

using System.Collections.Immutable;
using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

// These tests run the real sqlite3 on a database made from the fixture schema.
public sealed class TccQueryTests
{
    private const string Accessibility = "kTCCServiceAccessibility";

    [Fact]
    public async Task An_allowed_row_for_the_service_and_client_is_a_grant()
    {
        // Arrange
        using var database = await TempTccDatabase.CreateAsync(CancellationToken.None);
        await database.InsertAsync(Accessibility, "com.rig.agent", 0, 2, 4, CancellationToken.None);

        // Act
        var rows = await QueryAsync(database, Accessibility, "com.rig.agent");

        // Assert
        rows.Should().Equal(new TccAccessRow(Accessibility, "com.rig.agent", 0, 2, 4));
        TccQuery.IsAllowed(rows).Should().BeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Denied_unknown_and_limited_rows_are_no_grant(int authValue)
    {
        // Arrange
        using var database = await TempTccDatabase.CreateAsync(CancellationToken.None);
        await database.InsertAsync(Accessibility, "/usr/local/bin/agent", 1, authValue, 3, CancellationToken.None);

        // Act
        var rows = await QueryAsync(database, Accessibility, "/usr/local/bin/agent");

        // Assert
        rows.Should().ContainSingle().Which.AuthValue.Should().Be(authValue);
        TccQuery.IsAllowed(rows).Should().BeFalse();
    }

    [Fact]
    public async Task No_row_prints_nothing_and_is_no_grant()
    {
        // Arrange: a grant for another client and another service.
        using var database = await TempTccDatabase.CreateAsync(CancellationToken.None);
        await database.InsertAsync(Accessibility, "com.other", 0, 2, 4, CancellationToken.None);
        await database.InsertAsync("kTCCServiceScreenCapture", "com.rig.agent", 0, 2, 4, CancellationToken.None);

        // Act
        var result = await database.RunAsync(TccQuery.GrantCheckArguments(database.FilePath, Accessibility, "com.rig.agent"), CancellationToken.None);

        // Assert
        result.StdoutTail.Should().BeEmpty();
        TccQuery.IsAllowed(TccQuery.ParseRows(result.StdoutTail)).Should().BeFalse();
    }

    [Fact]
    public async Task An_auth_value_stored_as_text_is_compared_as_an_integer()
    {
        // Arrange: '2' in an INTEGER column is stored as 2 by type affinity, '2x' stays text and casts to 2.
        using var database = await TempTccDatabase.CreateAsync(CancellationToken.None);
        await database.RunAsync([database.FilePath, "INSERT INTO access (service, client, client_type, auth_value, auth_reason, auth_version) VALUES ('s', 'c', '0', '2x', '4', 1);"], CancellationToken.None);

        // Act
        var rows = await QueryAsync(database, "s", "c");

        // Assert
        rows.Should().Equal(new TccAccessRow("s", "c", 0, 2, 4));
    }

    public static TheoryData<string> HostileStrings() =>
    [
        "x' OR '1'='1",
        "'; DROP TABLE access; --",
        "' UNION SELECT 'a','b',0,2,4 --",
        "''",
        "'",
        "\"double\" quotes",
        ".tables",
        "-json",
        "line\nbreak\r\nand ; semicolons",
        "back\\slash\\' tail",
        "%_ wildcards",
        "ünïcødé ✓ 🚀",
        "\u0001\u001f control",
        new string('\'', 5000),
    ];

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public async Task A_hostile_client_matches_only_a_row_with_exactly_that_client(string hostile)
    {
        // Arrange: a grant for an innocent client that injected SQL would reach, and one for the hostile text itself.
        using var database = await TempTccDatabase.CreateAsync(CancellationToken.None);
        await database.InsertAsync(Accessibility, "com.victim", 0, 2, 4, CancellationToken.None);
        await database.InsertAsync(Accessibility, hostile, 0, 0, 2, CancellationToken.None);

        // Act
        var rows = await QueryAsync(database, Accessibility, hostile);

        // Assert
        rows.Should().Equal(new TccAccessRow(Accessibility, hostile, 0, 0, 2));
        TccQuery.IsAllowed(rows).Should().BeFalse();
        (await database.QueryJsonAsync("SELECT count(*) AS n FROM access;", CancellationToken.None)).Should().Contain("\"n\":2");
    }

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public async Task A_hostile_service_matches_only_a_row_with_exactly_that_service(string hostile)
    {
        // Arrange
        using var database = await TempTccDatabase.CreateAsync(CancellationToken.None);
        await database.InsertAsync(Accessibility, "com.rig.agent", 0, 2, 4, CancellationToken.None);

        // Act
        var rows = await QueryAsync(database, hostile, "com.rig.agent");

        // Assert
        rows.Should().BeEmpty();
    }

    [Fact]
    public async Task A_sqliterc_in_the_home_directory_does_not_change_the_output()
    {
        // Arrange: a ~/.sqliterc that would switch to CSV with headers.
        using var database = await TempTccDatabase.CreateAsync(CancellationToken.None);
        await database.InsertAsync(Accessibility, "com.rig.agent", 0, 2, 4, CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(database.DirPath, ".sqliterc"), ".mode csv\n.headers on\n");
        var home = ImmutableDictionary<string, string?>.Empty.Add("HOME", database.DirPath);

        // Act
        var result = await database.RunAsync(TccQuery.GrantCheckArguments(database.FilePath, Accessibility, "com.rig.agent"), CancellationToken.None, home);

        // Assert
        TccQuery.ParseRows(result.StdoutTail).Should().Equal(new TccAccessRow(Accessibility, "com.rig.agent", 0, 2, 4));
    }

    [Fact]
    public async Task The_fixture_schema_has_the_columns_TccSchema_names_in_order()
    {
        // Arrange
        using var database = await TempTccDatabase.CreateAsync(CancellationToken.None);

        // Act
        var json = await database.QueryJsonAsync($"SELECT name FROM pragma_table_info('{TccSchema.AccessTable}') ORDER BY cid;", CancellationToken.None);

        // Assert
        var names = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray().Select(row => row.GetProperty("name").GetString());
        names.Should().Equal(TccSchema.AccessColumns);
    }

    private static async Task<ImmutableArray<TccAccessRow>> QueryAsync(TempTccDatabase database, string service, string client)
    {
        var result = await database.RunAsync(TccQuery.GrantCheckArguments(database.FilePath, service, client), CancellationToken.None);
        return TccQuery.ParseRows(result.StdoutTail);
    }
}

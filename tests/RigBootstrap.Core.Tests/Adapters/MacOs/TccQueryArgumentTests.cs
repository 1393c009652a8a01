using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class TccQueryArgumentTests
{
    [Fact]
    public void The_arguments_are_read_only_json_without_an_rc_file_then_the_database_then_one_select()
    {
        // Act
        var arguments = TccQuery.GrantCheckArguments("/db/TCC.db", "kTCCServiceAccessibility", "it's");

        // Assert
        arguments.Should().HaveCount(6);
        arguments[..5].Should().Equal("-readonly", "-init", "/dev/null", "-json", "/db/TCC.db");
        arguments[5].Should().StartWith("SELECT ").And.Contain("WHERE service = 'kTCCServiceAccessibility' AND client = 'it''s' ").And.EndWith(";");
    }

    [Theory]
    [InlineData("TCC.db")]
    [InlineData("-json")]
    [InlineData("file:TCC.db?mode=rw")]
    [InlineData("")]
    [InlineData("/db/TCC\0.db")]
    public void A_database_path_that_is_not_absolute_is_refused(string databasePath)
    {
        // Act
        var build = () => TccQuery.GrantCheckArguments(databasePath, "s", "c");

        // Assert
        build.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("", "c", "service")]
    [InlineData("s", "", "client")]
    [InlineData("s\0", "c", "service")]
    [InlineData("s", "com.x\0' OR 1=1 --", "client")]
    public void Empty_values_and_nul_are_refused(string service, string client, string parameter)
    {
        // Act
        var build = () => TccQuery.GrantCheckArguments("/db/TCC.db", service, client);

        // Assert
        build.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(parameter);
    }

    [Fact]
    public void Lone_surrogates_are_refused()
    {
        // Arrange: built here, because xunit's theory data would turn them into U+FFFD before the test sees them.
        var loneHigh = "lone " + '\uD800' + " surrogate";
        var loneLow = new string('\uDC00', 1);

        // Act
        var buildWithClient = () => TccQuery.GrantCheckArguments("/db/TCC.db", "s", loneHigh);
        var buildWithService = () => TccQuery.GrantCheckArguments("/db/TCC.db", loneLow, "c");

        // Assert
        buildWithClient.Should().Throw<ArgumentException>().WithMessage("*lone surrogate*").Which.ParamName.Should().Be("client");
        buildWithService.Should().Throw<ArgumentException>().WithMessage("*lone surrogate*").Which.ParamName.Should().Be("service");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    public void Empty_output_means_no_rows(string stdout)
    {
        // Act
        var rows = TccQuery.ParseRows(stdout);

        // Assert
        rows.Should().BeEmpty();
    }

    [Fact]
    public void Several_rows_are_read_in_order()
    {
        // Arrange
        var stdout = "[{\"service\":\"s\",\"client\":\"c\",\"client_type\":0,\"auth_value\":0,\"auth_reason\":2},\n"
            + "{\"service\":\"s\",\"client\":\"c\",\"client_type\":1,\"auth_value\":2,\"auth_reason\":6}]\n";

        // Act
        var rows = TccQuery.ParseRows(stdout);

        // Assert
        rows.Should().Equal(new TccAccessRow("s", "c", 0, 0, 2), new TccAccessRow("s", "c", 1, 2, 6));
        TccQuery.IsAllowed(rows).Should().BeTrue();
    }

    [Theory]
    [InlineData("Error: in prepare, no such table: access")]
    [InlineData("service,client\ns,c\n")]
    [InlineData("{\"service\":\"s\"}")]
    [InlineData("[1]")]
    [InlineData("[{\"service\":\"s\",\"client\":\"c\",\"client_type\":0,\"auth_value\":\"2\",\"auth_reason\":4}]")]
    [InlineData("[{\"service\":\"s\",\"client\":\"c\",\"client_type\":0,\"auth_value\":2.5,\"auth_reason\":4}]")]
    [InlineData("[{\"service\":\"s\",\"client\":\"c\",\"client_type\":0,\"auth_value\":null,\"auth_reason\":4}]")]
    [InlineData("[{\"service\":\"s\",\"client\":null,\"client_type\":0,\"auth_value\":2,\"auth_reason\":4}]")]
    [InlineData("[{\"service\":\"s\",\"client\":\"c\",\"client_type\":0,\"auth_value\":2}]")]
    [InlineData("[{\"service\":\"s\"")]
    public void Output_that_is_not_an_array_of_rows_gives_a_format_exception_quoting_it(string stdout)
    {
        // Act
        var parse = () => TccQuery.ParseRows(stdout);

        // Assert
        parse.Should().Throw<FormatException>().WithMessage("sqlite3 -json printed '*'*");
    }
}

using Xunit.Sdk;

namespace RigBootstrap.ServiceDefinitions.Tests.TestKit;

public sealed class PlistutilTests
{
    [Fact]
    public void A_plist_with_an_unescaped_ampersand_fails_the_check_with_plistutil_s_output()
    {
        // Arrange: written by hand, as a template-and-sed tool would, to prove the check can fail.
        using var dir = new TempDir();
        var plistFilePath = dir.WriteFile("broken.plist",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<string>fish & chips</string>\n</plist>\n");

        // Act
        var check = () => Plistutil.AssertAccepts(plistFilePath);

        // Assert
        check.Should().Throw<XunitException>().WithMessage("plistutil rejected*ERROR*");
    }
}

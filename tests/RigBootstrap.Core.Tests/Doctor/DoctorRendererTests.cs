using RigBootstrap.Core.Doctor;

namespace RigBootstrap.Core.Tests.Doctor;

public sealed class DoctorRendererTests
{
    [Fact]
    public void Findings_show_in_check_order_with_the_fix_under_each()
    {
        var text = DoctorRenderer.Render(
        [
            DoctorFinding.Ok("root", "running as root (uid 0)"),
            DoctorFinding.Problem("background-tasks", "launchd has com.rig.bootstrap disabled", "`sudo launchctl enable system/com.rig.bootstrap`"),
            DoctorFinding.Warning("disk", "12.0 GB free", "free space"),
        ]);

        text.Split('\n').Should().Equal(
            "rig-bootstrap doctor: 1 problem(s), 1 warning(s)",
            "",
            "  RESULT   CHECK             FINDING",
            "  OK       root              running as root (uid 0)",
            "  PROBLEM  background-tasks  launchd has com.rig.bootstrap disabled",
            "                             fix: `sudo launchctl enable system/com.rig.bootstrap`",
            "  WARNING  disk              12.0 GB free",
            "                             fix: free space",
            "");
    }

    [Fact]
    public void Only_ok_findings_say_no_problems_found()
    {
        DoctorRenderer.Render([DoctorFinding.Ok("root", "fine")]).Should().StartWith("rig-bootstrap doctor: no problems found\n");
    }
}

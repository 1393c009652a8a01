using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Workflow;

public sealed class WorkflowDefinitionTests
{
    private const string Dir = "/nowhere";

    [Fact]
    public void Duplicate_ids_unknown_dependencies_cycles_and_a_handoff_not_last_are_rejected()
    {
        FluentActions.Invoking(() => WorkflowDefinition.Create([new ScriptedStep("a", Dir), new ScriptedStep("a", Dir)]))
            .Should().Throw<ArgumentException>().WithMessage("*'a' appears twice*");
        FluentActions.Invoking(() => WorkflowDefinition.Create([new ScriptedStep("a", Dir, "ghost")]))
            .Should().Throw<ArgumentException>().WithMessage("*depends on 'ghost'*");
        FluentActions.Invoking(() => WorkflowDefinition.Create([new ScriptedStep("a", Dir, "b"), new ScriptedStep("b", Dir, "a")]))
            .Should().Throw<ArgumentException>().WithMessage("*cycle*");
        FluentActions.Invoking(() => WorkflowDefinition.Create([new ScriptedStep("handoff", Dir), new ScriptedStep("b", Dir)]))
            .Should().Throw<ArgumentException>().WithMessage("*handoff step must be the last*");
    }

    [Fact]
    public void Steps_are_ordered_dependencies_first_keeping_the_given_order_otherwise()
    {
        var definition = WorkflowDefinition.Create([new ScriptedStep("x", Dir, "z"), new ScriptedStep("y", Dir), new ScriptedStep("z", Dir)]);

        definition.Steps.Select(s => s.Id).Should().Equal("y", "z", "x");
    }

    [Fact]
    public void The_version_changes_when_the_step_list_changes()
    {
        var one = WorkflowDefinition.Create([new ScriptedStep("a", Dir)]);
        var two = WorkflowDefinition.Create([new ScriptedStep("a", Dir), new ScriptedStep("b", Dir)]);

        one.Version.Should().NotBe(two.Version).And.HaveLength(16);
        one.Version.Should().Be(WorkflowDefinition.Create([new ScriptedStep("a", Dir)]).Version);
    }
}

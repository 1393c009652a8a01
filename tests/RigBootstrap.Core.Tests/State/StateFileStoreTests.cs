using System.Collections.Immutable;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.State;

public sealed class StateFileStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static StateFile Sample(string reason) => new()
    {
        Version = "test",
        Label = "com.rig.bootstrap",
        WorkflowVersion = "abc",
        Workflow = new WorkflowStatus { State = WorkflowState.Running, Since = Now, Reason = reason },
        BootId = "boot-1",
        Steps = [new StepRecord { Id = "a", Since = Now, Facts = ImmutableSortedDictionary<string, string>.Empty.Add("k", "v") }],
        UpdatedAt = Now,
    };

    [Fact]
    public void A_saved_state_loads_back_equal_and_the_previous_one_becomes_prev()
    {
        using var root = new TempHostRoot();
        var store = new StateFileStore(root.Paths);

        store.Save(Sample("first"));
        store.Save(Sample("second"));

        store.Load().State.Should().BeEquivalentTo(Sample("second"));
        StateFileStore.Deserialize(File.ReadAllText(root.Paths.PreviousStatePath)).Workflow.Reason.Should().Be("first");
        File.GetUnixFileMode(root.Paths.StatePath).Should().Be(StateFileStore.StateFileMode);
    }

    [Fact]
    public void A_torn_state_file_is_recovered_from_the_previous_copy_with_the_reason()
    {
        using var root = new TempHostRoot();
        var store = new StateFileStore(root.Paths);
        store.Save(Sample("first"));
        store.Save(Sample("second"));
        var bytes = File.ReadAllBytes(root.Paths.StatePath);
        File.WriteAllBytes(root.Paths.StatePath, bytes[..(bytes.Length / 2)]);

        var loaded = store.Load();

        loaded.State!.Workflow.Reason.Should().Be("first");
        loaded.RecoveredBecause.Should().Contain("cannot be read").And.Contain("recovered from");
    }

    [Fact]
    public void Saving_over_a_garbage_state_file_keeps_the_good_previous_copy()
    {
        using var root = new TempHostRoot();
        var store = new StateFileStore(root.Paths);
        store.Save(Sample("good"));
        store.Save(Sample("good too"));
        File.WriteAllText(root.Paths.StatePath, "garbage");

        store.Save(Sample("after recovery"));

        StateFileStore.Deserialize(File.ReadAllText(root.Paths.PreviousStatePath)).Workflow.Reason.Should().Be("good");
    }

    [Fact]
    public void Both_copies_corrupt_throws_a_message_naming_reset_and_changes_nothing()
    {
        using var root = new TempHostRoot();
        Directory.CreateDirectory(root.Paths.StateDirPath);
        File.WriteAllText(root.Paths.StatePath, "{ not json");
        File.WriteAllBytes(root.Paths.PreviousStatePath, [0xff, 0xfe, 0x00]);
        var before = root.Files().Select(f => (f, File.ReadAllBytes(Path.Join(root.Paths.RootDirPath, f)))).ToList();

        var act = () => new StateFileStore(root.Paths).Load();

        act.Should().Throw<StateFileCorruptException>().WithMessage("*reset --all*");
        root.Files().Select(f => (f, File.ReadAllBytes(Path.Join(root.Paths.RootDirPath, f)))).Should().BeEquivalentTo(before);
    }

    [Fact]
    public void A_state_file_from_a_newer_schema_is_refused()
    {
        using var root = new TempHostRoot();
        var store = new StateFileStore(root.Paths);
        store.Save(Sample("x") with { SchemaVersion = StateFile.CurrentSchemaVersion + 1 });

        var act = () => store.Load();

        act.Should().Throw<StateFileCorruptException>().WithMessage("*newer rig-bootstrap*");
    }

    [Fact]
    public void The_state_file_is_readable_json_with_string_enums()
    {
        var json = StateFileStore.Serialize(Sample("x"));

        json.Should().Contain("\"state\": \"Running\"").And.Contain("\"schemaVersion\": 1").And.Contain("\"bootId\": \"boot-1\"");
    }

    [Fact]
    public void No_state_at_all_loads_as_missing()
    {
        using var root = new TempHostRoot();

        new StateFileStore(root.Paths).Load().Exists.Should().BeFalse();
    }
}

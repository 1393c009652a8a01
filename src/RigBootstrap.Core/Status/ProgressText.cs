using RigBootstrap.Core.Downloads;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Status;

/// <summary>A step's transfer in words: <c>1.20 GB of 3.40 GB (35%) at 12.3 MB/s, ETA 3m, as of 2026-…</c>.</summary>
public static class ProgressText
{
    public static string Of(StepProgress progress)
    {
        var done = ByteText.Of(progress.BytesDone);
        var amount = progress.BytesTotal is { } total and > 0
            ? $"{done} of {ByteText.Of(total)} ({progress.BytesDone * 100 / total}%)"
            : $"{done} so far";
        var rate = progress.BytesPerSecond is { } perSecond and > 0 ? $" at {ByteText.Of(perSecond)}/s" : "";
        var eta = progress is { BytesTotal: { } all, BytesPerSecond: { } speed } && speed > 0 && all >= progress.BytesDone
            ? $", ETA {DurationText.Coarse(TimeSpan.FromSeconds((double)(all - progress.BytesDone) / speed))}"
            : "";
        return $"{amount}{rate}{eta}, as of {DurationText.Stamp(progress.UpdatedAt)}";
    }
}

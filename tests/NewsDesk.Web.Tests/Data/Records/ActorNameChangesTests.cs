using NewsDesk.Web.Data.Records;

namespace NewsDesk.Web.Tests.Data.Records;

/// <summary>The journal of actors whose names this process's commits changed, read by the in-memory name indexes.</summary>
public class ActorNameChangesTests
{
    [Fact]
    public void A_reader_gets_the_actors_of_every_commit_after_the_one_it_saw()
    {
        var changes = new ActorNameChanges();
        changes.Committed([1, 2]);
        var seen = changes.Sequence;
        changes.Committed([3]);
        changes.Committed([2, 4]);
        changes.Committed([]);

        Assert.Equal([2, 3, 4], changes.Since(seen, out var now)!.Order());
        Assert.Equal(3, now);
        Assert.Empty(changes.Since(now, out _)!);
    }

    [Fact]
    public void A_reader_further_behind_than_the_journal_keeps_is_told_to_read_everything()
    {
        var changes = new ActorNameChanges();
        for (var i = 0; i <= ActorNameChanges.Kept; i++)
        {
            changes.Committed([i]);
        }

        Assert.Null(changes.Since(0, out _));
        Assert.NotNull(changes.Since(1, out _));
    }
}

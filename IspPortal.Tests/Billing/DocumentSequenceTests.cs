using IspPortal.Infrastructure.Billing;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Billing;

/// <summary>Running numbers from <c>document_sequences</c> on real PostgreSQL: consecutive, serialised, and given back on rollback.</summary>
public sealed class DocumentSequenceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly PostgresDocumentSequences _sequences = new();

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Concurrent_reservations_get_consecutive_blocks_and_a_rolled_back_one_leaves_no_gap()
    {
        var taken = new System.Collections.Concurrent.ConcurrentBag<long>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 24), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            await using var db = database.CreateDbContext();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var count = i % 3 + 1;
            var first = await _sequences.ReserveAsync(db, "invoice:INV/2025/02/#", count, token);
            if (i % 4 == 0)
            {
                await transaction.RollbackAsync(token);
                return;
            }
            await transaction.CommitAsync(token);
            for (var n = first; n < first + count; n++)
                taken.Add(n);
        });

        var numbers = taken.Order().ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count).Select(n => (long)n), numbers);
        await using var check = database.CreateDbContext();
        Assert.Equal(numbers.Count, (await check.DocumentSequences.SingleAsync()).LastValue);
    }

    [Fact]
    public async Task Scopes_count_separately_and_a_reservation_needs_a_transaction()
    {
        await using var db = database.CreateDbContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => _sequences.ReserveAsync(db, "invoice:INV/2025/02/#", 1));
        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.Equal(1, await _sequences.ReserveAsync(db, "invoice:INV/2025/02/#", 5));
        Assert.Equal(1, await _sequences.ReserveAsync(db, "invoice:INV/2025/03/#", 2));
        Assert.Equal(6, await _sequences.ReserveAsync(db, "invoice:INV/2025/02/#", 1));
        await transaction.CommitAsync();
    }
}

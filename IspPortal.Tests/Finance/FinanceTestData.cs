using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Core.Identity.Users;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary>The finance use cases over a reset database, at a settable time, with users of the finance roles and a way to post entries directly.</summary>
public sealed class FinanceTestData : IAsyncDisposable
{
    public const string Password = "Rahasia#2025";

    private FinanceTestData(DatabaseFixture database, ServiceProvider services, ManualTimeProvider clock)
    {
        Database = database;
        Services = services;
        Clock = clock;
    }

    public DatabaseFixture Database { get; }

    public ServiceProvider Services { get; }

    public ManualTimeProvider Clock { get; }

    /// <param name="now">The moment "now" (UTC); Jakarta is seven hours ahead.</param>
    public static async Task<FinanceTestData> StartAsync(DatabaseFixture database, DateTimeOffset now)
    {
        await database.ResetAsync();
        var clock = new ManualTimeProvider(now);
        var services = CoreServices.Build(database.ConnectionString, clock);
        await CoreServices.EnsureRolesAsync(services);
        return new FinanceTestData(database, services, clock);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();

    /// <summary>A user with <paramref name="role"/>, made by the system, and the actor that user is.</summary>
    public async Task<Actor> UserAsync(string userName, string role)
    {
        ActAs(Actor.System);
        var outcome = await UseAsync(sp => sp.GetRequiredService<CreateUser>()
            .ExecuteAsync(new NewUser(userName, "Pengguna " + userName, null, Password, [role])));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return Actor.For(outcome.Value!.Id, userName, [role]);
    }

    public void ActAs(Actor actor) => Services.GetRequiredService<TestActor>().Current = actor;

    public async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public static T Get<T>(IServiceProvider services) where T : notnull => services.GetRequiredService<T>();

    /// <summary>Posts one two-line entry straight through the writer, as a business event would; throws what the database says.</summary>
    public async Task PostAsync(DateOnly date, string debitCode, string creditCode, decimal amount)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = Database.CreateDbContext();
        var map = await scope.ServiceProvider.GetRequiredService<LedgerAccounts>().MapAsync(db);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var draft = new JournalDraftBuilder(date, JournalSource.Income, Guid.NewGuid().ToString("N"), null, "Uji")
            .Debit(map.ByCode(debitCode)!.Id, amount)
            .Credit(map.ByCode(creditCode)!.Id, amount)
            .Build();
        await scope.ServiceProvider.GetRequiredService<IJournalWriter>().PostAsync(db, [draft]);
        await transaction.CommitAsync();
    }

    /// <summary>The balance (debit minus credit) of accounts chosen by <paramref name="where"/> at the end of <paramref name="date"/>.</summary>
    public async Task<decimal> BalanceAsync(DateOnly date, System.Linq.Expressions.Expression<Func<JournalLine, bool>> where)
    {
        await using var db = Database.CreateDbContext();
        return await db.JournalLines.Where(l => l.EntryDate <= date).Where(where).SumAsync(l => l.Debit - l.Credit);
    }
}

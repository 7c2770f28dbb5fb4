using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IspPortal.Core.Identity;
using IspPortal.Core.Identity.Users;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Reports;

/// <summary>
/// The portal's services over a reset database with the hand-worked books of <see cref="StatementBooksFixture"/>, at a settable time,
/// where a scope's carried actor (the delivery job rendering as a report's owner) wins over the test's actor, as in the portal.
/// </summary>
public sealed class SavedReportTestData : IAsyncDisposable
{
    public const string Password = "Rahasia#2025";

    private SavedReportTestData(DatabaseFixture database, ServiceProvider services, ManualTimeProvider clock) =>
        (Database, Services, Clock) = (database, services, clock);

    public DatabaseFixture Database { get; }

    public ServiceProvider Services { get; }

    public ManualTimeProvider Clock { get; }

    public static async Task<SavedReportTestData> StartAsync(DatabaseFixture database, DateTimeOffset now)
    {
        await database.ResetAsync();
        var clock = new ManualTimeProvider(now);
        var services = CoreServices.Build(database.ConnectionString, clock, configure: s => s.AddScoped<ICurrentUser, CarriedOrTestActor>());
        await CoreServices.EnsureRolesAsync(services);
        await StatementBooksFixture.PostAsync(services, database.CreateDbContext);
        return new SavedReportTestData(database, services, clock);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();

    public void ActAs(Actor actor) => Services.GetRequiredService<TestActor>().Current = actor;

    /// <summary>A user with the role and an e-mail <c>{name}@example.id</c>, made by the system.</summary>
    public async Task<Actor> UserAsync(string userName, string role, bool email = true)
    {
        var previous = Services.GetRequiredService<TestActor>().Current;
        ActAs(Actor.System);
        var outcome = await UseAsync(sp => sp.GetRequiredService<CreateUser>()
            .ExecuteAsync(new NewUser(userName, "Pengguna " + userName, email ? $"{userName}@example.id" : null, Password, [role])));
        ActAs(previous);
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return Actor.For(outcome.Value!.Id, userName, [role]);
    }

    public async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    /// <summary>Every cell's text of the first sheet (shared strings looked up).</summary>
    public static List<string> XlsxTexts(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        return [.. workbook.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>())
            .Select(c => c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : c.InnerText)];
    }

    private sealed class CarriedOrTestActor(CarriedActor carried, TestActor test) : ICurrentUser
    {
        public ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(carried.Actor ?? test.Current);
    }
}

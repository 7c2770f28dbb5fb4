using IspPortal.Core.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Support;

/// <summary>
/// The ticket use cases over a reset database: the portal's services on a manual clock (Monday
/// 11 August 2025, 10:00 in Jakarta, inside business hours), the six roles, and <see cref="TicketTestData"/>.
/// </summary>
public abstract class TicketUseCaseTest(DatabaseFixture database) : IAsyncLifetime
{
    protected DatabaseFixture Database { get; } = database;

    protected ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 8, 11, 3, 0, 0, TimeSpan.Zero));

    protected ServiceProvider Services { get; private set; } = default!;

    /// <summary>Categories besides GANGGUAN that the test needs.</summary>
    protected virtual TicketCategory[] MoreCategories => [];

    public async Task InitializeAsync()
    {
        await Database.ResetAsync();
        Services = CoreServices.Build(Database.ConnectionString, Clock);
        await CoreServices.EnsureRolesAsync(Services);
        await TicketTestData.SeedAsync(Database, Clock, MoreCategories);
        await ArrangeAsync();
    }

    /// <summary>What every test of the class starts from, after the seed.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Services.DisposeAsync();
}

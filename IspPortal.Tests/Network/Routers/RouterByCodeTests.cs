using IspPortal.Core.Network;
using IspPortal.Core.Network.Routers;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Network.Routers;

/// <summary>The API's "sync this router" finds the router by the code scripts send, however they spell it.</summary>
public sealed class RouterByCodeTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString, _clock);
        await TicketTestData.SeedAsync(database, _clock);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task A_router_is_found_by_its_code_in_any_case_and_spacing_and_an_unknown_code_finds_none()
    {
        int routerId;
        await using (var db = database.CreateDbContext())
        {
            var customer = await db.Customers.SingleAsync(c => c.Code == TicketTestData.CustomerCode);
            var router = new Router("CKP", "Router Cikampek", customer.LocationCodeId, "127.0.0.1", 8728, "admin", "not-used", _clock.GetUtcNow()) { IsolationProfile = "isolir" };
            db.Routers.Add(router);
            await db.SaveChangesAsync();
            routerId = router.Id;
        }

        Assert.Equal(routerId, await _services.UseAsync<RouterByCode, int?>(r => r.IdOfAsync(" ckp ")));
        Assert.Null(await _services.UseAsync<RouterByCode, int?>(r => r.IdOfAsync("MLGT")));
    }
}

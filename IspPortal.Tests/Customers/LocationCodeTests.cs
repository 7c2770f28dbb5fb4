using IspPortal.Core.Customers.LocationCodes;
using IspPortal.Core.Common;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Customers;

public sealed class LocationCodeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Location_code_is_stored_upper_case_and_trimmed()
    {
        var saved = await RunAsync<SaveLocationCode, Outcome<IspPortal.Core.Customers.LocationCode>>(save =>
            save.ExecuteAsync(new LocationCodeInput(null, " bdg ", " Bandung ", "Bandung", null)));

        Assert.True(saved.Succeeded, saved.FirstError);
        Assert.Equal("BDG", saved.Value!.Code);
        Assert.Equal("Bandung", saved.Value.Name);
    }

    [Fact]
    public async Task Two_agents_saving_the_same_code_at_once_get_one_row_and_one_clear_refusal()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            RunAsync<SaveLocationCode, Outcome<IspPortal.Core.Customers.LocationCode>>(save =>
                save.ExecuteAsync(new LocationCodeInput(null, "SBY", "Surabaya", null, null)))));

        Assert.Single(attempts, a => a.Succeeded);
        Assert.All(attempts.Where(a => !a.Succeeded), a => Assert.Equal("Kode lokasi SBY sudah dipakai.", a.Errors["Code"][0]));
        await using var db = portal.Database.CreateDbContext();
        Assert.Equal(1, await db.LocationCodes.CountAsync(l => l.Code == "SBY"));
    }

    [Fact]
    public async Task Invalid_location_code_changes_nothing()
    {
        await using var db = portal.Database.CreateDbContext();
        var before = await db.LocationCodes.CountAsync();

        var refused = await RunAsync<SaveLocationCode, Outcome<IspPortal.Core.Customers.LocationCode>>(save =>
            save.ExecuteAsync(new LocationCodeInput(null, "K1", "", null, null)));

        Assert.False(refused.Succeeded);
        Assert.Equal(["Code", "Name"], refused.Errors.Keys.Order());
        Assert.Equal(before, await db.LocationCodes.CountAsync());
    }

    private async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> action) where TService : notnull
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

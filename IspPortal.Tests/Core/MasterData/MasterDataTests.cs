using IspPortal.Core.Billing;
using IspPortal.Core.Billing.ServicePackages;
using IspPortal.Core.Common;
using IspPortal.Core.Customers.LocationCodes;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Core.MasterData;

public sealed class MasterDataTests(PortalFactory portal) : IClassFixture<PortalFactory>
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

    [Fact]
    public async Task Package_list_searches_pages_and_sorts_on_the_server()
    {
        for (var i = 1; i <= 12; i++)
        {
            var saved = await RunAsync<SaveServicePackage, Outcome<IspPortal.Core.Billing.ServicePackage>>(save => save.ExecuteAsync(
                new ServicePackageInput(null, $"LIST-{i:00}", $"Daftar {i}", i, i, $"list-{i}", i * 10_000m, false, null)));
            Assert.True(saved.Succeeded, saved.FirstError);
        }

        var page = await RunAsync<ServicePackageList, PagedResult<IspPortal.Core.Billing.ServicePackage>>(list =>
            list.PageAsync(new PageRequest(Page: 1, PageSize: 5, Search: "list-", SortBy: "MonthlyPrice", Descending: true)));
        var injected = await RunAsync<ServicePackageList, PagedResult<IspPortal.Core.Billing.ServicePackage>>(list =>
            list.PageAsync(new PageRequest(Search: "%", SortBy: "code; drop table service_packages")));

        Assert.Equal(12, page.Total);
        Assert.Equal(["LIST-07", "LIST-06", "LIST-05", "LIST-04", "LIST-03"], page.Items.Select(p => p.Code));
        Assert.Equal(0, injected.Total);
    }

    [Fact]
    public async Task Paging_through_rows_with_equal_sort_values_shows_each_row_exactly_once()
    {
        for (var i = 1; i <= 10; i++)
        {
            var saved = await RunAsync<SaveServicePackage, Outcome<IspPortal.Core.Billing.ServicePackage>>(save => save.ExecuteAsync(
                new ServicePackageInput(null, $"SAMA-{i:00}", "Harga sama", 10, 10, "sama", 99_000m, false, null)));
            Assert.True(saved.Succeeded, saved.FirstError);
        }

        var pages = new List<string>();
        for (var page = 0; page < 4; page++)
        {
            var result = await RunAsync<ServicePackageList, PagedResult<IspPortal.Core.Billing.ServicePackage>>(list =>
                list.PageAsync(new PageRequest(Page: page, PageSize: 3, Search: "sama-", SortBy: "MonthlyPrice")));
            pages.AddRange(result.Items.Select(p => p.Code));
        }

        Assert.Equal(10, pages.Count);
        Assert.Equal(10, pages.Distinct().Count());
    }

    [Fact]
    public async Task Settings_round_trip_and_refuse_invalid_values_without_saving()
    {
        var saved = await RunAsync<PortalSettings, Outcome<BillingSettings>>(settings =>
            settings.SaveAsync(new BillingSettings { BillingDay = 5, DueDay = 15, ReminderOffsets = [-5, 2] }, Actor.System));
        var refused = await RunAsync<PortalSettings, Outcome<BillingSettings>>(settings =>
            settings.SaveAsync(new BillingSettings { BillingDay = 31 }, Actor.System));
        var read = await RunAsync<PortalSettings, BillingSettings>(settings => settings.GetAsync<BillingSettings>());

        Assert.True(saved.Succeeded);
        Assert.False(refused.Succeeded);
        Assert.Equal(5, read.BillingDay);
        Assert.Equal(15, read.DueDay);
        Assert.Equal([-5, 2], read.ReminderOffsets);
    }

    [Fact]
    public async Task Admins_saving_a_settings_group_for_the_first_time_at_once_get_one_row_and_no_crash()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            RunAsync<PortalSettings, Outcome<CompanyProfile>>(settings =>
                settings.SaveAsync(new CompanyProfile { Name = $"ISP {i}" }, Actor.System))));

        Assert.Contains(outcomes, o => o.Succeeded);
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Contains("baru saja disimpan orang lain", o.FirstError, StringComparison.Ordinal));
        await using var db = portal.Database.CreateDbContext();
        Assert.Equal(1, await db.Settings.CountAsync(s => s.Key == CompanyProfile.Key));
    }

    private async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> action) where TService : notnull
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

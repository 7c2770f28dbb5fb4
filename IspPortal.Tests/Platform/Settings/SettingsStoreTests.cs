using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IspPortal.Core.Billing;

namespace IspPortal.Tests.Platform.Settings;

public sealed class SettingsStoreTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
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

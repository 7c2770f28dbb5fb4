using IspPortal.Core.Identity;
using IspPortal.Core.Identity.TwoFactor;
using IspPortal.Core.Identity.Users;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Identity;

public sealed class SecondFactorAdministrationTests(DatabaseFixture database) : UserUseCaseTest(database), IClassFixture<DatabaseFixture>
{
    private async Task<PortalUser> EnrolAsync(PortalUser user) => await UseAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
        await users.ResetAuthenticatorKeyAsync(stored);
        await users.SetTwoFactorEnabledAsync(stored, true);
        Assert.NotNull(await users.GenerateNewTwoFactorRecoveryCodesAsync(stored, 10));
        return (await users.FindByIdAsync(user.Id.ToString()))!;
    });

    private async Task<(bool Enabled, string? Key, int Codes, string? Stamp)> SecondFactorOfAsync(PortalUser user) => await UseAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
        return (stored.TwoFactorEnabled, await users.GetAuthenticatorKeyAsync(stored), await users.CountRecoveryCodesAsync(stored), stored.SecurityStamp);
    });

    [Fact]
    public async Task An_admin_resets_a_lost_phone_second_factor_and_the_change_is_audited_under_the_admins_name()
    {
        var admin = await CreateAsync("admin-reset", Roles.Admin);
        var finance = await EnrolAsync(await CreateAsync("keuangan-hp-hilang", Roles.Finance));
        var before = await SecondFactorOfAsync(finance);
        Assert.True(before.Enabled);

        ActAs(new Actor(admin.Id, admin.UserName!));
        var reset = await UseAsync(sp => sp.GetRequiredService<ResetTwoFactor>().ExecuteAsync(finance.Id));

        Assert.True(reset.Succeeded, reset.FirstError);
        var after = await SecondFactorOfAsync(finance);
        Assert.Equal((false, (string?)null, 0), (after.Enabled, after.Key, after.Codes));
        Assert.NotEqual(before.Stamp, after.Stamp);
        await using var db = Database.CreateDbContext();
        Assert.True(await db.AuditLogs.AnyAsync(a => a.Entity == "users" && a.EntityKey == finance.Id.ToString() && a.UserName == admin.UserName));
    }

    [Fact]
    public async Task Staff_can_neither_reset_nor_sign_out_someone_else_but_signs_out_their_own_devices()
    {
        var staff = await CreateAsync("staf-biasa", Roles.Staff);
        var finance = await EnrolAsync(await CreateAsync("keuangan-lain", Roles.Finance));
        var before = await SecondFactorOfAsync(finance);

        ActAs(new Actor(staff.Id, staff.UserName!));
        var reset = await UseAsync(sp => sp.GetRequiredService<ResetTwoFactor>().ExecuteAsync(finance.Id));
        var signOutOther = await UseAsync(sp => sp.GetRequiredService<SignOutEverywhere>().ExecuteAsync(finance.Id));
        var ownStampBefore = (await SecondFactorOfAsync(staff)).Stamp;
        var signOutSelf = await UseAsync(sp => sp.GetRequiredService<SignOutEverywhere>().ExecuteAsync(staff.Id));

        Assert.False(reset.Succeeded);
        Assert.False(signOutOther.Succeeded);
        Assert.Equal(before, await SecondFactorOfAsync(finance));
        Assert.True(signOutSelf.Succeeded, signOutSelf.FirstError);
        Assert.NotEqual(ownStampBefore, (await SecondFactorOfAsync(staff)).Stamp);
    }
}

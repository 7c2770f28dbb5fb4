using IspPortal.Core.Identity;
using IspPortal.Core.Identity.Users;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Identity;

public class UserAdministrationTests(DatabaseFixture database) : UserUseCaseTest(database), IClassFixture<DatabaseFixture>
{
    private void ActAs(PortalUser user) => ActAs(new Actor(user.Id, user.UserName!));

    [Fact]
    public async Task The_last_active_admin_keeps_the_admin_role()
    {
        var admin = await CreateAsync("admin1", Roles.Admin);
        var other = await CreateAsync("staf1", Roles.Staff);
        ActAs(other);

        var outcome = await UseAsync(sp => sp.GetRequiredService<ChangeUserRoles>().ExecuteAsync(admin.Id, [Roles.Staff]));

        Assert.False(outcome.Succeeded);
        Assert.Equal([AdminSafety.LastAdminMessage], outcome.Errors[nameof(NewUser.Roles)]);
        Assert.Contains(Roles.Admin, await UseAsync(sp => RolesOfAsync(sp, admin.Id)));
    }

    [Fact]
    public async Task Disabling_both_of_two_admins_at_the_same_moment_leaves_one_active_admin()
    {
        var first = await CreateAsync("admin-a", Roles.Admin);
        var second = await CreateAsync("admin-b", Roles.Admin);
        ActAs(await CreateAsync("manajer-x", Roles.Manager));

        var outcomes = await Task.WhenAll(
            UseAsync(sp => sp.GetRequiredService<SetUserActive>().ExecuteAsync(first.Id, active: false)),
            UseAsync(sp => sp.GetRequiredService<SetUserActive>().ExecuteAsync(second.Id, active: false)));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Equal(AdminSafety.LastAdminMessage, outcomes.Single(o => !o.Succeeded).FirstError);
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync(u => (u.UserName == "admin-a" || u.UserName == "admin-b") && u.IsActive));
    }

    [Fact]
    public async Task A_malformed_email_is_refused_and_new_users_get_the_default_language()
    {
        await UseAsync(sp => sp.GetRequiredService<IspPortal.Core.Settings.PortalSettings>()
            .SaveAsync(new IspPortal.Core.Common.RegionalSettings { DefaultCulture = PortalCultures.English }, Actor.System));

        var refused = await UseAsync(sp => sp.GetRequiredService<CreateUser>()
            .ExecuteAsync(new NewUser("surel1", "Surel Salah", "bukan-email", Password, [Roles.Staff])));
        var created = await CreateAsync("surel2", Roles.Staff);

        Assert.Equal(["Email"], refused.Errors.Keys);
        Assert.Equal(PortalCultures.English, created.Culture);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_disabled()
    {
        var admin = await CreateAsync("admin1", Roles.Admin);
        var other = await CreateAsync("manajer1", Roles.Manager);
        ActAs(other);

        var outcome = await UseAsync(sp => sp.GetRequiredService<SetUserActive>().ExecuteAsync(admin.Id, active: false));

        Assert.False(outcome.Succeeded);
        Assert.Equal(AdminSafety.LastAdminMessage, outcome.FirstError);
        await using var db = Database.CreateDbContext();
        Assert.True((await db.Users.SingleAsync(u => u.Id == admin.Id)).IsActive);
    }

    [Fact]
    public async Task An_admin_cannot_disable_themselves_even_with_another_admin()
    {
        var admin = await CreateAsync("admin1", Roles.Admin);
        await CreateAsync("admin2", Roles.Admin);
        ActAs(admin);

        var outcome = await UseAsync(sp => sp.GetRequiredService<SetUserActive>().ExecuteAsync(admin.Id, active: false));

        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task With_a_second_active_admin_the_first_can_lose_the_admin_role()
    {
        var first = await CreateAsync("admin1", Roles.Admin);
        var second = await CreateAsync("admin2", Roles.Admin);
        ActAs(second);

        var outcome = await UseAsync(sp => sp.GetRequiredService<ChangeUserRoles>().ExecuteAsync(first.Id, [Roles.Noc]));

        Assert.True(outcome.Succeeded, outcome.FirstError);
        Assert.Equal([Roles.Noc], await UseAsync(sp => RolesOfAsync(sp, first.Id)));
    }

    [Fact]
    public async Task Disabling_a_user_changes_the_security_stamp_so_open_sessions_end()
    {
        var admin = await CreateAsync("admin1", Roles.Admin);
        var technician = await CreateAsync("teknisi1", Roles.Technician);
        ActAs(admin);
        var before = technician.SecurityStamp;
        Assert.NotNull(before);

        var outcome = await UseAsync(sp => sp.GetRequiredService<SetUserActive>().ExecuteAsync(technician.Id, active: false));

        Assert.True(outcome.Succeeded, outcome.FirstError);
        await using var db = Database.CreateDbContext();
        var stored = await db.Users.SingleAsync(u => u.Id == technician.Id);
        Assert.False(stored.IsActive);
        Assert.NotEqual(before, stored.SecurityStamp);
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_a_field_message_and_creates_nobody()
    {
        var outcome = await UseAsync(sp => sp.GetRequiredService<CreateUser>()
            .ExecuteAsync(new NewUser("lemah", "Sandi Lemah", null, "abc", [Roles.Staff])));

        Assert.False(outcome.Succeeded);
        Assert.Contains("Kata sandi minimal 8 karakter.", outcome.Errors[nameof(NewUser.Password)]);
        await using var db = Database.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "lemah"));
    }

    [Fact]
    public async Task A_generated_password_signs_in_and_the_old_one_no_longer_does()
    {
        var admin = await CreateAsync("admin1", Roles.Admin);
        var staff = await CreateAsync("staf1", Roles.Staff);
        ActAs(admin);

        var outcome = await UseAsync(sp => sp.GetRequiredService<ResetUserPassword>().ExecuteAsync(staff.Id, null));

        Assert.True(outcome.Succeeded, outcome.FirstError);
        Assert.True(outcome.Value!.Generated);
        await UseAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var stored = (await users.FindByIdAsync(staff.Id.ToString()))!;
            Assert.True(await users.CheckPasswordAsync(stored, outcome.Value.Password));
            Assert.False(await users.CheckPasswordAsync(stored, Password));
            return 0;
        });
    }

    private static async Task<IList<string>> RolesOfAsync(IServiceProvider services, Guid userId)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(userId.ToString()))!);
    }
}

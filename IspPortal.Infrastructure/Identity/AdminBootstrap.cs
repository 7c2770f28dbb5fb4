using IspPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Identity;

/// <summary>
/// A production database starts with no users; <c>Bootstrap:AdminPassword</c> creates the first
/// Admin once, while the users table is empty, and never touches an existing database.
/// </summary>
public static class AdminBootstrap
{
    public static async Task EnsureFirstAdminAsync(UserManager<PortalUser> users, IConfiguration configuration, TimeProvider clock, ILogger logger)
    {
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrEmpty(password) || users.Users.Any())
            return;

        var userName = configuration["Bootstrap:AdminUser"] is { Length: > 0 } configured ? configured : "admin";
        var admin = new PortalUser { UserName = userName, FullName = "Administrator", CreatedAt = clock.GetUtcNow() };
        RoleSetup.ThrowIfFailed(await users.CreateAsync(admin, password), $"create the first admin {userName}");
        RoleSetup.ThrowIfFailed(await users.AddToRoleAsync(admin, Roles.Admin), "make the first user an Admin");
        logger.LogWarning("Created the first Admin user {UserName} from Bootstrap:AdminPassword; change the password after signing in", userName);
    }
}

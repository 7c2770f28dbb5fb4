using IspPortal.Core.Identity.ApiKeys;
using IspPortal.Core.Identity.Audit;
using IspPortal.Core.Identity.SignIn;
using IspPortal.Core.Identity.TwoFactor;
using IspPortal.Core.Identity.Users;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Identity;

public static class IdentityModule
{
    public static IServiceCollection AddIdentity(this IServiceCollection services)
    {
        services.AddScoped<CarriedActor>();

        services.AddScoped<IssueApiKey>();
        services.AddScoped<RevokeApiKey>();
        services.AddScoped<ApiKeyList>();
        services.AddScoped<ApiKeyAuthenticator>();

        services.AddScoped<UserAdministration>();
        services.AddScoped<AdminSafety>();
        services.AddScoped<UserList>();
        services.AddScoped<CreateUser>();
        services.AddScoped<ChangeUserRoles>();
        services.AddScoped<SetUserActive>();
        services.AddScoped<ResetUserPassword>();
        services.AddScoped<UnlockUser>();

        services.AddScoped<AuditLogSearch>();

        services.AddScoped<SignInThrottle>();
        services.AddScoped<TwoFactorEnrolment>();
        services.AddScoped<ResetTwoFactor>();
        services.AddScoped<SignOutEverywhere>();
        return services;
    }
}

using IspPortal.Core.Identity;
using Microsoft.AspNetCore.Authorization;

namespace IspPortal.Web.Features.Identity.Authentication;

public static class PermissionPolicies
{
    /// <summary>Claim type carried by API-key principals: one claim per permission the key holds.</summary>
    public const string PermissionClaim = "permission";

    /// <summary>The expenses page: Finance and Manager read every expense, whoever submits reads their own.</summary>
    public const string ExpensesPage = "page.expenses";

    /// <summary>The network reports (uptime, bandwidth): managers and finance read them through reports.read, NOC and technicians through network.read.</summary>
    public const string NetworkReports = "page.network-reports";

    /// <summary>
    /// One policy per permission: users pass through their roles (granted in
    /// <see cref="Permissions.GrantedTo"/>), API keys through their permission claims.
    /// </summary>
    public static void AddPermissionPolicies(this AuthorizationOptions options)
    {
        foreach (var permission in Permissions.GrantedTo.Keys)
        {
            options.AddPolicy(permission, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => Grants(context.User, permission)));
        }

        options.AddPolicy(ExpensesPage, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => Grants(context.User, Permissions.FinanceRead) || Grants(context.User, Permissions.ExpensesSubmit)));

        options.AddPolicy(NetworkReports, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => Grants(context.User, Permissions.ReportsRead) || Grants(context.User, Permissions.NetworkRead)));

        // A page or endpoint that names no policy is still closed to anonymous users.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }

    private static bool Grants(System.Security.Claims.ClaimsPrincipal user, string permission) =>
        user.HasClaim(PermissionClaim, permission) || Permissions.GrantedTo[permission].Any(user.IsInRole);
}

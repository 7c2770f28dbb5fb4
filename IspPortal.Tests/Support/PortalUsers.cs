using System.Net;
using IspPortal.Core.Identity;
using IspPortal.Core.Identity.ApiKeys;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Support;

/// <summary>Users, sign-ins and API keys on a running test portal.</summary>
public static class PortalUsers
{
    public const string Password = "Test#2025x";

    /// <summary>A user named after the role (<c>role-noc</c>), created once per database.</summary>
    public static Task<string> EnsureUserAsync(this PortalFactory portal, string role) =>
        portal.EnsureUserAsync(role, "role-" + role.ToLowerInvariant());

    public static async Task<string> EnsureUserAsync(this PortalFactory portal, string role, string userName)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByNameAsync(userName) is not null)
            return userName;
        var user = new PortalUser { UserName = userName, FullName = $"Test {role}", CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return userName;
    }

    /// <summary>Signs in through the real login form (antiforgery token and all) and returns a client holding the cookie.</summary>
    public static async Task<HttpClient> SignInAsync(this PortalFactory portal, string userName, string password = Password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = portal.BaseAddress,
        };
        using var response = await PostLoginAsync(client, userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {userName} answered {(int)response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync(new Uri("login", UriKind.Relative));
        using var body = StaticForms.Form("login", form, new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        return await client.PostAsync(new Uri("login", UriKind.Relative), body);
    }

    public static async Task<string> IssueApiKeyAsync(this PortalFactory portal, params string[] permissions)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<IssueApiKey>()
            .ExecuteAsync($"test-{Guid.NewGuid():N}", permissions, Actor.System);
        Assert.True(issued.Succeeded, issued.FirstError);
        return issued.Value!.Key;
    }

    /// <summary>An HTTP client to the portal's API with a new key granting <paramref name="permissions"/>.</summary>
    public static async Task<HttpClient> CreateApiClientAsync(this PortalFactory portal, params string[] permissions)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await portal.IssueApiKeyAsync(permissions));
        return client;
    }

}

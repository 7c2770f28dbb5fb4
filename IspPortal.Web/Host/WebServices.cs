using System.Globalization;
using IspPortal.Core.Identity;
using IspPortal.Core.Identity.SignIn;
using IspPortal.Infrastructure;
using IspPortal.Infrastructure.Persistence;
using IspPortal.Web.Features.Identity.Authentication;
using IspPortal.Web.Features.Identity.Endpoints;
using IspPortal.Web.Localization;
using IspPortal.Web.Shell.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace IspPortal.Web.Host;

public static class WebServices
{
    public const string ApiRateLimitPolicy = PortalRateLimits.ApiPolicy;
    public const string PayPageRateLimitPolicy = PortalRateLimits.PayPagePolicy;

    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents()
            .RegisterPersistentService<Features.SelfService.Components.CustomerPortalSession>(Microsoft.AspNetCore.Components.Web.RenderMode.InteractiveServer);
        services.AddScoped<Features.SelfService.Components.CustomerPortalSession>();
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            options.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        services.AddTransient<MudLocalizer, IndonesianMudLocalizer>();
        services.AddScoped<Features.Customers.Components.CustomerNetworkActions>();
        services.AddScoped<Features.Billing.Components.BillingRunCommands>();
        services.AddHttpContextAccessor();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            CultureInfo[] cultures = [.. AccountEndpoints.SpecificCultures.Values.Select(name => new CultureInfo(name))];
            options.DefaultRequestCulture = new RequestCulture("id-ID");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // Indonesian unless the user chose otherwise: the browser's language does not decide.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.AddPortalIdentity(configuration);
        services.AddScoped<ICurrentUser, PortalCurrentUser>();

        services.AddProblemDetails();
        services.AddHostileInputProblems();
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "IspPortal API";
            document.Info.Description = "REST API of IspPortal. Authenticate with the X-Api-Key header (keys are issued by an Admin under Pengaturan → Kunci API).";
            return Task.CompletedTask;
        }));
        services.AddPortalRateLimits();
        services.AddSingleton<Draining>().AddHostedService(sp => sp.GetRequiredService<Draining>());
        services.AddHealthChecks().AddCheck<Draining>("draining").AddNpgSql(
            sp => sp.GetRequiredService<IConfiguration>().GetConnectionString(Infrastructure.DependencyInjection.ConnectionStringName)!,
            name: "database",
            timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    private static void AddPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingPortalAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, Features.SelfService.Authentication.CustomerTokenAuthenticationHandler>(
                Features.SelfService.Authentication.CustomerTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/access-denied";
            cookie.Cookie.Name = "ispportal.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            // A machine calling an /api path it may not use gets a status code, not the sign-in page.
            cookie.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddIdentityCore<PortalUser>(ConfigureIdentity)
            .AddRoles<PortalRole>()
            .AddEntityFrameworkStores<IspDbContext>()
            .AddUserStore<Infrastructure.Identity.ProtectedUserStore>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddSignInManager<PortalSignInManager>()
            .AddErrorDescriber<IndonesianIdentityErrors>()
            .AddDefaultTokenProviders();

        services.AddAuthorization(options =>
        {
            options.AddPermissionPolicies();
            options.AddPolicy(Features.SelfService.Authentication.CustomerTokenAuthenticationHandler.Policy, policy => policy
                .AddAuthenticationSchemes(Features.SelfService.Authentication.CustomerTokenAuthenticationHandler.SchemeName)
                .RequireClaim(Features.SelfService.Authentication.CustomerTokenAuthenticationHandler.CustomerClaim));
        });
        services.Configure<SignInThrottleOptions>(configuration.GetSection(SignInThrottleOptions.Section));
        services.AddOptions<Core.SelfService.SignIn.SelfServiceThrottleOptions>()
            .Bind(configuration.GetSection(Core.SelfService.SignIn.SelfServiceThrottleOptions.Section)).ValidateDataAnnotations();
    }

    private static async Task ApiStatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return;
        }
        context.Response.StatusCode = status;
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = { Status = status, Detail = $"Send a valid API key in the {ApiKeyAuthenticationHandler.HeaderName} header." },
        });
    }

    /// <summary>Password, lockout and user-name rules; public so tests build UserManager with the same rules.</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.Password.RequiredLength = 8;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
    }
}

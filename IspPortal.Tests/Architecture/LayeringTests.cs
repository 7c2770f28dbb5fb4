using System.Reflection;
using IspPortal.Core.Common;
using NetArchTest.Rules;

namespace IspPortal.Tests.Architecture;

/// <summary>The layering of docs/decisions/0014: dependencies point inwards, Web's pages reach data through Core.</summary>
public sealed class LayeringTests
{
    private static readonly Assembly Core = typeof(Outcome).Assembly;
    private static readonly Assembly Infrastructure = typeof(Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    private const string CompositionRootPattern = @"^IspPortal\.Web\.Host(\.|$)";

    [Fact]
    public void Core_references_no_database_driver_web_framework_ui_or_outer_layer()
    {
        // The Identity stores (UserManager, IdentityUser) sit in a Microsoft.AspNetCore.Identity
        // namespace but ship as Microsoft.Extensions.Identity.*: usable without a web host.
        var referenced = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referenced, name => name.StartsWith("Npgsql", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.StartsWith("MudBlazor", StringComparison.Ordinal) || name is "IspPortal.Infrastructure" or "IspPortal.Web");

        AssertNone(Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny(
            "Npgsql", "MudBlazor", "IspPortal.Infrastructure", "IspPortal.Web",
            "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc",
            "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Authorization",
            "Microsoft.AspNetCore.DataProtection", "Microsoft.AspNetCore.Hosting"));
    }

    [Fact]
    public void Infrastructure_references_no_web_project_or_ui_library()
    {
        AssertNone(Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOnAny("IspPortal.Web", "MudBlazor"));
    }

    [Fact]
    public void Web_references_infrastructure_only_from_the_composition_root()
    {
        AssertNone(WebOutsideCompositionRoot().ShouldNot().HaveDependencyOnAny("IspPortal.Infrastructure"));
    }

    [Fact]
    public void Web_reaches_data_and_secrets_only_through_core_use_cases_and_queries()
    {
        AssertNone(WebOutsideCompositionRoot().ShouldNot().HaveDependencyOnAny(
            typeof(IIspDb).FullName!, typeof(IIspDbFactory).FullName!, "Microsoft.EntityFrameworkCore", "Npgsql",
            // Secrets are encrypted by Core's use cases, never by a form.
            typeof(ISecretProtector).FullName!));
    }

    [Fact]
    public void The_rules_see_a_violation_when_there_is_one()
    {
        // Guards the guards: the composition root does reference Infrastructure, so the same rule
        // applied to it must fail (a rule that matches nothing would pass whatever the code does).
        var hostOnly = Types.InAssembly(Web).That().ResideInNamespaceMatching(CompositionRootPattern)
            .ShouldNot().HaveDependencyOnAny("IspPortal.Infrastructure").GetResult();
        Assert.False(hostOnly.IsSuccessful);
    }

    private static PredicateList WebOutsideCompositionRoot() =>
        Types.InAssembly(Web).That().DoNotResideInNamespaceMatching(CompositionRootPattern)
            .And().DoNotHaveName(nameof(Program));

    internal static void AssertNone(ConditionList rule)
    {
        var result = rule.GetResult();
        Assert.True(result.IsSuccessful, "Breaks the layering:\n" + string.Join("\n", result.FailingTypes.Select(t => "  " + t.FullName)));
    }
}

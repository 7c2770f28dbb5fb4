using IspPortal.Core.Customers;
using IspPortal.Core.Common;

namespace IspPortal.Core.Network.Isolation;

[FeatureApi]
public static class IsolationRules
{
    /// <summary>
    /// What a customer's secret on <paramref name="router"/> should say for <paramref name="status"/>,
    /// by that router's isolation method: the isolation profile, a disabled secret, or (address list)
    /// the package's profile with the cut-off done by the list.
    /// </summary>
    public static (string Profile, bool Disabled) SecretFor(Router router, string packageProfile, CustomerStatus status) =>
        (router.IsolationMethod, status) switch
        {
            (IsolationMethod.Profile, CustomerStatus.Isolated) => (router.IsolationProfile!, false),
            (IsolationMethod.DisableSecret, CustomerStatus.Isolated) => (packageProfile, true),
            _ => (packageProfile, false),
        };
}

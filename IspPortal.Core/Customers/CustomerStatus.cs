namespace IspPortal.Core.Customers;

/// <summary>Where a customer is in the subscription lifecycle (set by people and billing).</summary>
public enum CustomerStatus
{
    /// <summary>Saved, but the PPPoE secret is not on the router yet; the sync retries.</summary>
    PendingProvisioning,
    Active,
    /// <summary>Cut off for arrears ("isolir"); reactivated when paid.</summary>
    Isolated,
    /// <summary>Paused on request (e.g. moving house); not billed.</summary>
    Suspended,
    Terminated,
}

/// <summary>What the router says about the customer's PPPoE session (set by the sync).</summary>
public enum ConnectionState
{
    Unknown,
    Online,
    Offline,
    Disabled,
}

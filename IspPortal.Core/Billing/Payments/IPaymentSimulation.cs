namespace IspPortal.Core.Billing.Payments;

/// <summary>
/// Paying a QRIS code without a bank: only the demo ISP, whose payment gateway is a local stand-in,
/// can do it. Everywhere else <see cref="IsAvailable"/> is false and the pay page offers no such button.
/// </summary>
public interface IPaymentSimulation
{
    bool IsAvailable { get; }

    /// <returns>False when the gateway stand-in did not settle the order.</returns>
    Task<bool> SimulatePaymentAsync(string orderId, CancellationToken cancellationToken = default);
}

/// <summary>A real gateway: payments arrive only from the customer's bank.</summary>
public sealed class NoPaymentSimulation : IPaymentSimulation
{
    public bool IsAvailable => false;

    public Task<bool> SimulatePaymentAsync(string orderId, CancellationToken cancellationToken = default) => Task.FromResult(false);
}

using IspPortal.Core.Common;

namespace IspPortal.Core.Customers.Registration;

/// <summary>
/// A feature that takes part in a new customer's registration (billing's first invoice) inside the
/// registration's own transaction, so the customer and everything that follows from it commit or
/// roll back together. Handlers add tracked changes to <paramref name="db"/>; the registration saves.
/// </summary>
[FeatureApi]
public interface ICustomerRegistrationHandler
{
    Task OnRegisteredAsync(IIspDb db, Customer customer, CustomerRegistration registration, CancellationToken cancellationToken);
}

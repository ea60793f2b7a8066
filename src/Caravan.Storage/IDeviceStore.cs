using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;

namespace Caravan.Storage;

/// <summary>Devices, their tokens (stored hashed, apart from party tokens) and their bindings to shipment containers.</summary>
public interface IDeviceStore
{
    /// <summary>Registers a device owned by <paramref name="owner"/> with a new token; null when the id is taken.</summary>
    Task<IssuedDevice?> RegisterAsync(DeviceId id, PartyId owner, DeviceKind kind, string? label, DateTimeOffset createdAt, CancellationToken cancellationToken);

    /// <summary>
    /// Registers every device of <paramref name="devices"/> for <paramref name="owner"/>, each with a new token, in one
    /// transaction; when any id is taken (or given twice), registers none and answers those ids.
    /// </summary>
    Task<DeviceBatchRegistration> RegisterAllAsync(PartyId owner, IReadOnlyList<DeviceToRegister> devices, DateTimeOffset createdAt, CancellationToken cancellationToken);

    Task<DeviceInfo?> FindAsync(DeviceId id, CancellationToken cancellationToken);

    /// <summary>The device whose token text is <paramref name="token"/>; null for any other text, party tokens included.</summary>
    Task<DeviceInfo?> FindByTokenAsync(string token, CancellationToken cancellationToken);

    /// <summary>The devices <paramref name="owner"/> owns, by id.</summary>
    Task<IReadOnlyList<DeviceInfo>> ListAsync(PartyId owner, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a binding of the device from <see cref="DeviceBinding.From"/>, unless the device has an open binding or
    /// an earlier binding ends after that time; nothing is written then.
    /// </summary>
    Task<BindOutcome> OpenBindingAsync(DeviceBinding binding, CancellationToken cancellationToken);

    /// <summary>Closes the device's open binding at <paramref name="to"/>; null when none is open or it began after <paramref name="to"/>.</summary>
    Task<DeviceBinding?> CloseBindingAsync(DeviceId device, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>The device's bindings, oldest first.</summary>
    Task<IReadOnlyList<DeviceBinding>> ListBindingsAsync(DeviceId device, CancellationToken cancellationToken);

    /// <summary>The bindings of any device to a container of <paramref name="shipment"/>, oldest first.</summary>
    Task<IReadOnlyList<DeviceBinding>> ListShipmentBindingsAsync(ShipmentId shipment, CancellationToken cancellationToken);

    /// <summary>
    /// The bindings of each of <paramref name="devices"/>, oldest first, in one read; a device bound to nothing (or
    /// not registered) is absent from the answer.
    /// </summary>
    Task<IReadOnlyDictionary<DeviceId, IReadOnlyList<DeviceBinding>>> ListBindingsAsync(IReadOnlyCollection<DeviceId> devices, CancellationToken cancellationToken);

    /// <summary>The binding of the device in force at <paramref name="at"/>; null when it was bound to nothing then.</summary>
    Task<DeviceBinding?> FindBindingAsync(DeviceId device, DateTimeOffset at, CancellationToken cancellationToken);
}

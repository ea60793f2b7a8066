using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;
using Caravan.Storage;

namespace Caravan.Server.Tests;

/// <summary>The real device store, counting how often it is asked anything: for what a follower costs the database.</summary>
public sealed class CountingDeviceStore(IDeviceStore store) : IDeviceStore
{
    private int _calls;

    public int Calls => _calls;

    public Task<IssuedDevice?> RegisterAsync(DeviceId id, PartyId owner, DeviceKind kind, string? label, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        Count(store.RegisterAsync(id, owner, kind, label, createdAt, cancellationToken));

    public Task<DeviceBatchRegistration> RegisterAllAsync(PartyId owner, IReadOnlyList<DeviceToRegister> devices, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        Count(store.RegisterAllAsync(owner, devices, createdAt, cancellationToken));

    public Task<DeviceInfo?> FindAsync(DeviceId id, CancellationToken cancellationToken) => Count(store.FindAsync(id, cancellationToken));

    public Task<DeviceInfo?> FindByTokenAsync(string token, CancellationToken cancellationToken) => Count(store.FindByTokenAsync(token, cancellationToken));

    public Task<IReadOnlyList<DeviceInfo>> ListAsync(PartyId owner, CancellationToken cancellationToken) => Count(store.ListAsync(owner, cancellationToken));

    public Task<BindOutcome> OpenBindingAsync(DeviceBinding binding, CancellationToken cancellationToken) => Count(store.OpenBindingAsync(binding, cancellationToken));

    public Task<DeviceBinding?> CloseBindingAsync(DeviceId device, DateTimeOffset to, CancellationToken cancellationToken) =>
        Count(store.CloseBindingAsync(device, to, cancellationToken));

    public Task<IReadOnlyList<DeviceBinding>> ListBindingsAsync(DeviceId device, CancellationToken cancellationToken) =>
        Count(store.ListBindingsAsync(device, cancellationToken));

    public Task<IReadOnlyDictionary<DeviceId, IReadOnlyList<DeviceBinding>>> ListBindingsAsync(IReadOnlyCollection<DeviceId> devices, CancellationToken cancellationToken) =>
        Count(store.ListBindingsAsync(devices, cancellationToken));

    public Task<IReadOnlyList<DeviceBinding>> ListShipmentBindingsAsync(ShipmentId shipment, CancellationToken cancellationToken) =>
        Count(store.ListShipmentBindingsAsync(shipment, cancellationToken));

    public Task<DeviceBinding?> FindBindingAsync(DeviceId device, DateTimeOffset at, CancellationToken cancellationToken) =>
        Count(store.FindBindingAsync(device, at, cancellationToken));

    private Task<T> Count<T>(Task<T> task)
    {
        Interlocked.Increment(ref _calls);
        return task;
    }
}

namespace Caravan.Storage;

/// <summary>
/// Builds the body of a notification about <paramref name="alert"/> for the webhook outbox; <paramref name="eventName"/>
/// is <c>alert.opened</c>, <c>alert.acknowledged</c> or <c>alert.resolved</c>. Called inside the writer's turn, so
/// the body and the change it reports commit together.
/// </summary>
public delegate byte[] AlertPayload(StoredAlert alert, string eventName);

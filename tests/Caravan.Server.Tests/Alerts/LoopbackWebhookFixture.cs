namespace Caravan.Server.Tests.Alerts;

/// <summary>A <see cref="ServerFixture"/> whose server delivers webhooks to loopback receivers (private addresses allowed).</summary>
public sealed class LoopbackWebhookFixture() : ServerFixture(WebhookTests.AllowLoopback);

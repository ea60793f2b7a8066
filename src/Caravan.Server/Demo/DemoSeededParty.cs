using Caravan.Core.Events;
using Caravan.Core.Shipments;

namespace Caravan.Server.Demo;

/// <summary>A demo party as seeded: the party, the custodial signing key the server holds for it, and its bearer token (shown once).</summary>
/// <param name="Party">The party as registered.</param>
/// <param name="Key">Its custodial Ed25519 key: the server signs the demo's events with it on the party's behalf.</param>
/// <param name="Token">Its bearer token's text; printed once and written to demo-tokens.json, stored only hashed.</param>
public sealed record DemoSeededParty(Party Party, EventSigningKey Key, string Token);

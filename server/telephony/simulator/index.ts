/** Public surface of the ARI simulator (see server.ts for what it simulates and how it differs). */
export { startAriSimulator, type AriSimulator, type AriSimulatorOptions } from "./server";
export type { ScenarioApi } from "./scenario";
export type { SimSnapshot, ChannelSnapshot } from "./snapshot";
export type { EmittedEvent } from "./events-hub";
export type { PhoneBehaviour, PhoneMode, PhoneRegistration } from "./sim-types";
export type { RegisterPhoneOptions } from "./phones";

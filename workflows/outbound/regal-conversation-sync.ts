// An outbound webhook: Kustomer posts conversation and message events to a sync service, which can
// mirror agent conversations into Regal. The service's token comes from the environment, never the repo.
import { defineOutboundWebhook, secret } from '../../compiler/index.js';

export default defineOutboundWebhook({
  name: 'regal-conversation-sync',
  url: 'https://sync.example.com/kustomer/events',
  events: ['kustomer.conversation.create', 'kustomer.conversation.update', 'kustomer.message.create'],
  headers: {
    Authorization: secret('REGAL_CONVERSATION_SYNC_TOKEN'),
    'X-Source': 'kustomer',
  },
});

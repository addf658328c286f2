/** Properties a dead-lettered message gains; the names are the ones Pulsar's clients use. */
export const DEAD_LETTER_REAL_TOPIC = 'REAL_TOPIC';
export const DEAD_LETTER_ORIGIN_MESSAGE_ID = 'ORIGIN_MESSAGE_ID';

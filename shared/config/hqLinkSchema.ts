import { Type, type Static } from 'typebox'

/**
 * The `hq` section of a branch's configuration file: where headquarters is and the token it
 * issued to this branch. Without it the branch works alone, as before.
 */
export const HqLinkSchema = Type.Object(
  {
    url: Type.String({
      pattern: '^https?://[^/\\s]+$',
      description: 'HQ address, http(s)://host:port, nothing after the port',
    }),
    token: Type.String({
      pattern: '^[A-Za-z0-9_-]{20,200}$',
      description: 'The branch token HQ issued (npm run hq -- issue-token <branch>)',
    }),
  },
  { additionalProperties: false },
)
export type HqLink = Static<typeof HqLinkSchema>

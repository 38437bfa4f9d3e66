import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { GITHUB_BODY_LIMIT, commentMarker, composeCommentBody, cutAtLine } from '../../../sync/github/comment-body.js';

const compose = suite('composeCommentBody');

compose('a body that fits is marker, summary, details, untouched', () => {
  const { body, truncated } = composeCommentBody({
    marker: '<!-- kac:plan:staging -->',
    summary: '**2 to create**',
    details: 'details',
  });
  assert.is(truncated, false);
  assert.is(body, '<!-- kac:plan:staging -->\n**2 to create**\n\ndetails\n');
});

compose('an oversized plan keeps the summary whole, cuts details on a line and links the run', () => {
  const details = Array.from({ length: 5000 }, (_, i) => `- change ${i} ${'x'.repeat(40)}`).join('\n');
  const runUrl = 'https://github.test/acme/kustomer-config/actions/runs/4242';
  const { body, truncated } = composeCommentBody({
    marker: '<!-- kac:plan:production -->',
    summary: '| create | 5000 |',
    details,
    runUrl,
  });
  assert.is(truncated, true);
  assert.ok(body.length <= GITHUB_BODY_LIMIT, `length ${body.length}`);
  assert.ok(body.startsWith('<!-- kac:plan:production -->\n| create | 5000 |\n\n- change 0 '));
  const lines = body.split('\n');
  const lastKept = lines[lines.indexOf('> [!WARNING]') - 2]!;
  assert.match(lastKept, /^- change \d+ x{40}$/, 'cut on a whole line');
  assert.match(
    body,
    /\n> Truncated to fit GitHub's comment limit: showing [\d,]+ of 273,889 characters of details\. The full text is in \[the workflow run\]\(https:\/\/github\.test\/acme\/kustomer-config\/actions\/runs\/4242\)\.\n$/,
  );
});

compose('respects a smaller maxChars and says where the full text is without a run link', () => {
  const { body } = composeCommentBody({
    marker: '<!-- m -->',
    summary: 'S',
    details: 'line\n'.repeat(100),
    maxChars: 300,
  });
  assert.ok(body.length <= 300, `length ${body.length}`);
  assert.match(body, /The full text is in the workflow run log\.\n$/);
});

const cut = suite('cutAtLine');

cut('closes a code fence and <details> left open by the cut', () => {
  const md = [
    '<details><summary>workflow</summary>',
    '',
    '```diff',
    '- a',
    '+ b',
    '- c',
    '+ d',
    '```',
    '</details>',
  ].join('\n');
  const out = cutAtLine(md, 64);
  assert.is(out, ['<details><summary>workflow</summary>', '', '```diff', '- a', '```', '</details>'].join('\n'));
  assert.ok(out.length <= 64);
  assert.is(cutAtLine(md, 63), ['<details><summary>workflow</summary>', '', '```diff', '```', '</details>'].join('\n'));
  assert.is(cutAtLine(md, 59), ['<details><summary>workflow</summary>', '', '</details>'].join('\n'));
});

cut('keeps everything when it fits', () => {
  assert.is(cutAtLine('a\nb', 10), 'a\nb');
});

const markers = suite('commentMarker');

markers('is a hidden HTML comment per purpose and environment', () => {
  assert.is(commentMarker('plan', 'staging'), '<!-- kac:plan:staging -->');
  assert.is(commentMarker('drift', 'production'), '<!-- kac:drift:production -->');
  assert.is(commentMarker('apply', 'eu_prod-2'), '<!-- kac:apply:eu_prod-2 -->');
});

markers('refuses an environment name that could break out of the comment', () => {
  assert.throws(() => commentMarker('plan', 'x -->'), /cannot be used in a GitHub marker/);
});

compose.run();
cut.run();
markers.run();

import {expect, test} from './demo-fixtures';

test.describe('settings', () => {
  test('keeps the connection in localStorage and typed-in keys in memory only', async ({chat}) => {
    await chat.getByTestId('nav-settings').click();
    await expect(chat).toHaveURL(/\/settings$/);
    await chat.getByTestId('connection-proxy').check();
    await expect(chat.getByText('OPENAI_API_KEY')).toBeVisible();

    await chat.getByTestId('allow-keys').check();
    await chat.getByTestId('key-openai').fill('sk-typed-in-e2e');
    await chat.getByTestId('key-openai').blur();

    const stored = await chat.evaluate(() => JSON.stringify({...localStorage}));
    expect(stored).toContain('"connection\\":\\"proxy');
    expect(stored).not.toContain('sk-typed-in-e2e');

    // A reload keeps the settings and forgets the key.
    await chat.reload();
    await expect(chat.getByTestId('connection-proxy')).toBeChecked();
    await chat.getByTestId('allow-keys').check();
    await expect(chat.getByTestId('key-openai')).toHaveValue('');

    await chat.getByTestId('nav-chat').click();
    await expect(chat.getByText('Real providers (through the demo proxy)')).toBeVisible();
    await expect(chat.getByTestId('simulate-openai')).toHaveCount(0);
  });

  test('checks that the mock server answers', async ({chat}) => {
    await chat.goto('/settings');
    await chat.getByTestId('check-mock').click();
    await expect(chat.getByTestId('mock-health')).toHaveText('The mock server answers.');
  });
});
